package fr.moncompte.portal.web.api;

/**
 * Which page of a list the caller asked for: {@code page} from 1, {@code size} from 1 to {@value #MAX_SIZE}
 * ({@value #DEFAULT_SIZE} when absent). Read from text, so that "abc" is a clear 400 and not JAX-RS's 404.
 */
public record Paging(int page, int size) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;

    /** @throws InvalidRequest {@code api.paging.invalid} for anything else */
    public static Paging of(String page, String size) {
        try {
            int p = page == null || page.isBlank() ? 1 : Integer.parseInt(page.strip());
            int s = size == null || size.isBlank() ? DEFAULT_SIZE : Integer.parseInt(size.strip());
            // The first row must fit the database's offset (an int): page 30,000,000 of 100 does not.
            if (p >= 1 && s >= 1 && s <= MAX_SIZE && (long) (p - 1) * s <= Integer.MAX_VALUE) {
                return new Paging(p, s);
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new InvalidRequest("api.paging.invalid", MAX_SIZE);
    }

    /** The first row of the page, counting from 0. */
    public int first() {
        return (page - 1) * size;
    }
}
