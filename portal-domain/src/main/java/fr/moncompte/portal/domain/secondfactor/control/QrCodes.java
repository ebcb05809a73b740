package fr.moncompte.portal.domain.secondfactor.control;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

import java.util.EnumMap;
import java.util.Map;

/**
 * A QR code drawn by the portal itself as inline SVG (ZXing finds the modules): no outside service sees the secret
 * it carries, and an inline SVG needs nothing from the page's content security policy. The page says in words what
 * it holds and shows the secret as text beside it.
 */
public final class QrCodes {

    private QrCodes() {
    }

    /** Black modules on a white square with the standard quiet zone of four modules; {@code size} in CSS pixels. */
    public static String svg(String text, int size) {
        BitMatrix modules = matrix(text);
        int width = modules.getWidth();
        int height = modules.getHeight();
        StringBuilder path = new StringBuilder();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                if (modules.get(x, y)) {
                    path.append('M').append(x).append(',').append(y).append("h1v1h-1z");
                }
            }
        }
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + width + " " + height + "\" width=\"" + size
                + "\" height=\"" + size + "\" shape-rendering=\"crispEdges\" aria-hidden=\"true\" focusable=\"false\">"
                + "<rect width=\"" + width + "\" height=\"" + height + "\" fill=\"#fff\"/>"
                + "<path fill=\"#000\" d=\"" + path + "\"/></svg>";
    }

    /** One cell per module, quiet zone included; error correction M, as authenticator apps read it well. */
    static BitMatrix matrix(String text) {
        Map<EncodeHintType, Object> hints = new EnumMap<>(EncodeHintType.class);
        hints.put(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M);
        hints.put(EncodeHintType.MARGIN, 4);
        try {
            return new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0, hints);
        } catch (WriterException tooLong) {
            throw new IllegalArgumentException("Cannot draw a QR code of " + text.length() + " characters", tooLong);
        }
    }
}
