package org.partnerfinance.e2e;

import java.util.ArrayList;
import java.util.List;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

/**
 * How the tests operate Vaadin components in the page. Vaadin's web components keep their inner parts in open shadow
 * roots, which Playwright's CSS locators pierce; field values live in slotted {@code <input>}/{@code <textarea>}
 * elements in the light DOM. Every wait is a Playwright wait with the context's timeout, never a sleep.
 */
public final class Vaadin {

    /**
     * The rendered rows of a {@code vaadin-grid}: per row the text of each cell, in column order. Rows being loaded
     * and hidden (recycled) rows are left out.
     */
    private static final String GRID_ROWS = """
            id => {
              const grid = document.getElementById(id);
              if (!grid || !grid.shadowRoot) return [];
              return Array.from(grid.shadowRoot.querySelectorAll('#items tr'))
                .filter(tr => !tr.hidden && !tr.hasAttribute('loading'))
                .map(tr => Array.from(tr.querySelectorAll('td'))
                  .filter(td => !(td._column && td._column.localName === 'vaadin-grid-flow-selection-column'))
                  .map(td => {
                  const slot = td.querySelector('slot');
                  return slot ? slot.assignedElements({flatten: true}).map(e => e.textContent.trim()).join(' ').trim()
                              : '';
                }));
            }""";

    /**
     * Script run in every page before the application's own: records the text of every notification card the page
     * shows, in order, in {@code window.__pfNotifications}. A Vaadin notification closes itself after a few seconds
     * and its card leaves the page; a test that looks for it after other steps (a console command, other assertions)
     * would miss one that came and went in the meantime. The record keeps what the user was shown.
     */
    static final String NOTIFICATION_RECORDER = """
            (() => {
              const shown = window.__pfNotifications = [];
              const recorded = new WeakMap();
              const record = () => {
                for (const card of document.querySelectorAll('vaadin-notification-card')) {
                  const text = (card.textContent || '').trim();
                  if (text && recorded.get(card) !== text) {
                    recorded.set(card, text);
                    shown.push({ text: text, at: Date.now() });
                  }
                }
              };
              new MutationObserver(record).observe(document, { childList: true, subtree: true, characterData: true });
            })();""";

    private Vaadin() {
    }

    /** Types into a text field, text area, number or password field and leaves it, so the value goes to the server. */
    public static void fill(Page page, String id, String value) {
        Locator input = page.locator("#" + id + " input, #" + id + " textarea").first();
        input.fill(value);
        input.press("Tab");
    }

    /** Types a date into a {@code vaadin-date-picker} (en-US format M/D/YYYY) and commits it with Enter. */
    public static void fillDate(Page page, String id, java.time.LocalDate date) {
        Locator input = page.locator("#" + id + " input");
        input.fill(date.getMonthValue() + "/" + date.getDayOfMonth() + "/" + date.getYear());
        input.press("Enter");
        // the component's value (ISO) shows that the text was parsed and accepted
        page.waitForFunction("([id, iso]) => document.getElementById(id).value === iso",
                List.of(id, date.toString()));
        input.press("Tab");
    }

    /** Opens a {@code vaadin-select} and picks the item whose text contains {@code itemText}. */
    public static void select(Page page, String id, String itemText) {
        page.locator("#" + id).click();
        page.locator("vaadin-select-item", new Page.LocatorOptions().setHasText(itemText)).first().click();
        page.locator("#" + id + " vaadin-select-value-button", new Page.LocatorOptions().setHasText(itemText))
                .waitFor();
    }

    /**
     * Types a filter into a {@code vaadin-combo-box} and picks the item whose text starts with {@code itemPrefix};
     * waits until the field shows it.
     */
    public static void choose(Page page, String id, String filter, String itemPrefix) {
        Locator input = page.locator("#" + id + " input");
        input.fill(filter);
        page.locator("vaadin-combo-box-item", new Page.LocatorOptions()
                .setHasText(java.util.regex.Pattern.compile("^\\s*" + jsRegexQuote(itemPrefix))))
                .first().click();
        // the component's value is an internal key; the input shows the chosen item's label
        page.waitForFunction("([id, prefix]) => { const c = document.getElementById(id);"
                + " return !c.opened && c.querySelector('input').value.startsWith(prefix); }", List.of(id, itemPrefix));
    }

    /** Current rows of a grid, see {@link #GRID_ROWS}. */
    @SuppressWarnings("unchecked")
    public static List<List<String>> gridRows(Page page, String gridId) {
        Object rows = page.evaluate(GRID_ROWS, gridId);
        List<List<String>> result = new ArrayList<>();
        for (Object row : (List<Object>) rows) {
            List<String> cells = new ArrayList<>();
            for (Object cell : (List<Object>) row) {
                cells.add(String.valueOf(cell));
            }
            result.add(cells);
        }
        return result;
    }

    /**
     * Waits until the grid shows a row whose first cell is {@code key} and whose cell {@code column} (0-based) equals
     * {@code expected}.
     */
    public static void waitForRow(Page page, String gridId, String key, int column, String expected) {
        page.waitForFunction("([id, key, column, expected]) => (" + GRID_ROWS + ")(id)"
                + ".some(r => r[0] === key && r[column] === expected)",
                List.of(gridId, key, column, expected));
    }

    /** Waits until the grid shows a row whose first cell is {@code key}. */
    public static void waitForRow(Page page, String gridId, String key) {
        page.waitForFunction("([id, key]) => (" + GRID_ROWS + ")(id).some(r => r[0] === key)", List.of(gridId, key));
    }

    /** Waits until at least {@code min} rows of the grid have {@code value} in cell {@code column} (0-based). */
    public static void waitForCells(Page page, String gridId, int column, String value, int min) {
        page.waitForFunction("([id, column, value, min]) => (" + GRID_ROWS + ")(id)"
                + ".filter(r => r[column] === value).length >= min", List.of(gridId, column, value, min));
    }

    /** Waits until at least {@code min} rows of the grid have a cell {@code column} that starts with {@code prefix}. */
    public static void waitForCellsStartingWith(Page page, String gridId, int column, String prefix, int min) {
        page.waitForFunction("([id, column, prefix, min]) => (" + GRID_ROWS + ")(id)"
                + ".filter(r => (r[column] || '').startsWith(prefix)).length >= min", List.of(gridId, column, prefix, min));
    }

    /** How many rendered rows of the grid have {@code value} in cell {@code column}. */
    public static int countCells(Page page, String gridId, int column, String value) {
        return (int) gridRows(page, gridId).stream().filter(r -> r.size() > column && r.get(column).equals(value))
                .count();
    }

    /**
     * Waits until the grid has rendered rows (or {@code emptyElementId} says there are none) and no row has {@code key}
     * in its first cell.
     */
    public static void waitForNoRow(Page page, String gridId, String key, String emptyElementId, String emptyText) {
        page.waitForFunction("([id, key, emptyId, emptyText]) => { const rows = (" + GRID_ROWS + ")(id);"
                + " const empty = document.getElementById(emptyId);"
                + " return (rows.length > 0 || (empty && empty.textContent.includes(emptyText)))"
                + " && !rows.some(r => r[0] === key); }", List.of(gridId, key, emptyElementId, emptyText));
    }

    /** Clicks the cell of the grid row whose first cell is {@code key} (opens it, for grids with a click listener). */
    public static void clickRow(Page page, String gridId, String key) {
        waitForRow(page, gridId, key);
        page.locator("#" + gridId + " vaadin-grid-cell-content", new Page.LocatorOptions().setHasText(key)).first()
                .click();
    }

    /**
     * Marks the document of a tab, so that {@link #sameDocument(Page)} can show later that it was not reloaded or
     * replaced (changes arrived by server push).
     */
    public static void markDocument(Page page) {
        page.evaluate("() => { window.__pfNoReload = 'kept'; }");
    }

    /** True while the document marked by {@link #markDocument(Page)} is still the one shown. */
    public static boolean sameDocument(Page page) {
        return "kept".equals(page.evaluate("() => window.__pfNoReload || null"));
    }

    /**
     * Waits until the page has shown a Vaadin notification containing the text: one shown now, or one shown earlier
     * that has closed itself since (see {@link #NOTIFICATION_RECORDER}).
     */
    public static void waitForNotification(Page page, String text) {
        try {
            page.waitForFunction("text => (window.__pfNotifications || []).some(n => n.text.includes(text))", text);
        } catch (com.microsoft.playwright.TimeoutError e) {
            throw new AssertionError("No notification containing '" + text + "' was shown; notifications shown: "
                    + notifications(page), e);
        }
    }

    /** The texts of the notifications the page has shown, oldest first. */
    @SuppressWarnings("unchecked")
    public static List<String> notifications(Page page) {
        return (List<String>) page.evaluate("() => (window.__pfNotifications || []).map(n => n.text)");
    }

    /** Escapes regex metacharacters in the JavaScript way (the pattern runs in the browser, which knows no \Q...\E quoting). */
    private static String jsRegexQuote(String text) {
        return text.replaceAll("[.*+?^${}()|\\[\\]\\\\]", "\\\\$0");
    }
}
