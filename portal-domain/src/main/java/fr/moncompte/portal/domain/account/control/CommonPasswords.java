package fr.moncompte.portal.domain.account.control;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The common passwords shipped with the portal: the 10,000 most used of the SecLists "10 million passwords" list
 * plus every entry of its top million that is 12 characters or longer (the ones our length rule would let through).
 * Source and licence: {@code common-passwords.NOTICE} beside the list.
 */
public final class CommonPasswords {

    static final String LIST = "common-passwords.txt";

    private static final Set<String> PASSWORDS = load();

    private CommonPasswords() {
    }

    /** True when the password, compared without regard to case, is on the list. */
    public static boolean contains(String password) {
        return PASSWORDS.contains(password.toLowerCase(Locale.ROOT));
    }

    public static int size() {
        return PASSWORDS.size();
    }

    private static Set<String> load() {
        try (InputStream in = CommonPasswords.class.getResourceAsStream(LIST)) {
            if (in == null) {
                throw new IllegalStateException(LIST + " is missing from the build");
            }
            Set<String> passwords = new HashSet<>(80_000);
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank()) {
                    passwords.add(line.strip().toLowerCase(Locale.ROOT));
                }
            }
            return Set.copyOf(passwords);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
