package org.partnerfinance.connectors.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.partnerfinance.documents.api.Document;
import org.partnerfinance.documents.api.DocumentKind;

/** Names of exported document files and the zip archive that carries several. */
final class DocumentFiles {

    static final String ZIP = "application/zip";

    /** One document as a connector wrote it. */
    record Written(Document document, byte[] content) {
    }

    private DocumentFiles() {
    }

    /** {@code invoice-INV-1.xml}, {@code credit-note-CN-7.xml}: the number, made safe for any file system. */
    static String name(Document d, String extension) {
        String number = d.number().replaceAll("[^A-Za-z0-9._-]", "_");
        if (number.length() > 100) {
            number = number.substring(0, 100);
        }
        return (d.kind() == DocumentKind.CREDIT_NOTE ? "credit-note-" : "invoice-") + number + "." + extension;
    }

    /** How refusals name a document: {@code Invoice INV-1 (id 42, partner P-1001)}. */
    static String label(Document d) {
        return (d.kind() == DocumentKind.CREDIT_NOTE ? "Credit note " : "Invoice ") + d.number() + " (id " + d.id()
                + ", partner " + d.partnerId() + ")";
    }

    /**
     * One zip entry per document, in the order given. Numbers are unique per partner only, so an entry whose name is
     * taken already gets the document's id added.
     */
    static byte[] zip(List<Written> files, String extension) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        Set<String> used = new HashSet<>();
        try (ZipOutputStream zip = new ZipOutputStream(buffer)) {
            for (Written w : files) {
                String name = name(w.document(), extension);
                if (!used.add(name)) {
                    name = name.substring(0, name.length() - extension.length() - 1) + "-" + w.document().id() + "."
                            + extension;
                    used.add(name);
                }
                zip.putNextEntry(new ZipEntry(name));
                zip.write(w.content());
                zip.closeEntry();
            }
        } catch (IOException e) {
            // a zip written into memory has nothing that can fail
            throw new UncheckedIOException(e);
        }
        return buffer.toByteArray();
    }
}
