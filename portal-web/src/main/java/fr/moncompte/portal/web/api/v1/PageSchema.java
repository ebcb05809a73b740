package fr.moncompte.portal.web.api.v1;

/**
 * For the OpenAPI description only: what every page of a list ({@code ListPage}) holds besides its items, which
 * each list's own schema names (OpenAPI has no generic types).
 */
public abstract class PageSchema {
    /** The page, from 1. */
    public int page;
    /** The page's size asked for (1 to 100). */
    public int size;
    /** How many items the whole list holds. */
    public long total;
}
