package fr.moncompte.portal.domain.secondfactor.control;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import org.junit.jupiter.api.Test;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class QrCodesTest {

    private static final String URI = TotpCodes.otpauthUri("Mon compte", "ops@moncompte.example",
            TotpCodes.fromBase32("JBSWY3DPEHPK3PXP"));

    @Test
    void the_svg_draws_exactly_the_modules_and_a_reader_reads_the_address_back() throws Exception {
        BitMatrix modules = QrCodes.matrix(URI);
        String svg = QrCodes.svg(URI, 200);
        assertTrue(svg.startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + modules.getWidth() + " "
                + modules.getHeight() + "\" width=\"200\" height=\"200\""), svg);

        // The picture the SVG draws, module by module, read by ZXing's own reader as an app's camera would.
        boolean[][] drawn = new boolean[modules.getHeight()][modules.getWidth()];
        Matcher square = Pattern.compile("M(\\d+),(\\d+)h1v1h-1z").matcher(svg);
        int count = 0;
        while (square.find()) {
            drawn[Integer.parseInt(square.group(2))][Integer.parseInt(square.group(1))] = true;
            count++;
        }
        int scale = 4;
        int width = modules.getWidth() * scale;
        int height = modules.getHeight() * scale;
        int[] pixels = new int[width * height];
        int expected = 0;
        for (int y = 0; y < modules.getHeight(); y++) {
            for (int x = 0; x < modules.getWidth(); x++) {
                assertEquals(modules.get(x, y), drawn[y][x], "module " + x + "," + y);
                expected += modules.get(x, y) ? 1 : 0;
                for (int dy = 0; dy < scale; dy++) {
                    for (int dx = 0; dx < scale; dx++) {
                        pixels[(y * scale + dy) * width + x * scale + dx] = drawn[y][x] ? 0xFF000000 : 0xFFFFFFFF;
                    }
                }
            }
        }
        assertEquals(expected, count);
        String read = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                new RGBLuminanceSource(width, height, pixels)))).getText();
        assertEquals(URI, read);
    }
}
