package org.partnerfinance.extensions.api;

/**
 * One contribution of an installed extension.
 *
 * @param id        extension id (the toggle unit)
 * @param name      extension name
 * @param kind      kind of contribution
 * @param detail    what it contributes (e.g. a screen's route, a claim type's name)
 * @param bundle    symbolic name and version of the contributing bundle
 * @param enabled   whether the extension id is switched on
 */
public record ExtensionInfo(String id, String name, ExtensionKind kind, String detail, String bundle, boolean enabled) {
}
