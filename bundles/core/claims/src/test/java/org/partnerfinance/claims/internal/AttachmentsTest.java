package org.partnerfinance.claims.internal;

import static org.junit.Assert.assertEquals;

import java.util.Optional;

import org.junit.Test;

public class AttachmentsTest {

    @Test
    public void recognisesPdfPngAndJpegByTheirLeadingBytes() {
        assertEquals(Optional.of(Attachments.PDF), Attachments.sniff(TestClaims.PDF));
        assertEquals(Optional.of(Attachments.PNG), Attachments.sniff(TestClaims.PNG));
        assertEquals(Optional.of(Attachments.JPEG), Attachments.sniff(TestClaims.JPEG));
    }

    @Test
    public void recognisesNothingElse() {
        assertEquals(Optional.empty(), Attachments.sniff(null));
        assertEquals(Optional.empty(), Attachments.sniff(new byte[0]));
        assertEquals(Optional.empty(), Attachments.sniff(TestClaims.bytes("%PDF")));           // truncated magic
        assertEquals(Optional.empty(), Attachments.sniff(TestClaims.bytes(" %PDF-1.7")));      // not at the start
        assertEquals(Optional.empty(), Attachments.sniff(TestClaims.bytes("GIF89a")));
        assertEquals(Optional.empty(), Attachments.sniff(TestClaims.bytes("<svg xmlns=")));
        assertEquals(Optional.empty(), Attachments.sniff(new byte[] {(byte) 0xFF, (byte) 0xD8})); // short JPEG
        assertEquals(Optional.empty(), Attachments.sniff(new byte[] {(byte) 0x89, 'P', 'N', 'G'}));
    }

    @Test
    public void extensionsMapToTheTypesTheCoreRecognises() {
        assertEquals(Optional.of(Attachments.PDF), Attachments.typeForFilename("a.PDF"));
        assertEquals(Optional.of(Attachments.JPEG), Attachments.typeForFilename("a.jpeg"));
        assertEquals(Optional.of(Attachments.JPEG), Attachments.typeForFilename("a.b.jpg"));
        assertEquals(Optional.empty(), Attachments.typeForFilename("a.docx"));
        assertEquals(Optional.empty(), Attachments.typeForFilename("receipt"));
    }

    @Test
    public void filenamesLoseDirectoriesAndUnsafeCharacters() {
        assertEquals("receipt.pdf", Attachments.sanitizeFilename("receipt.pdf"));
        assertEquals("passwd", Attachments.sanitizeFilename("../../etc/passwd"));
        assertEquals("evil.pdf", Attachments.sanitizeFilename("C:\\temp\\..\\evil.pdf"));
        assertEquals("a_b_.pdf", Attachments.sanitizeFilename("a<b>.pdf"));
        assertEquals("line_break.pdf", Attachments.sanitizeFilename("line\nbreak.pdf"));
        assertEquals("Quittung März (2).pdf", Attachments.sanitizeFilename("Quittung März (2).pdf"));
        assertEquals("htaccess", Attachments.sanitizeFilename(".htaccess"));
        assertEquals("attachment", Attachments.sanitizeFilename(".."));
        assertEquals("attachment", Attachments.sanitizeFilename(null));
        assertEquals("attachment", Attachments.sanitizeFilename("dir/"));
    }

    @Test
    public void longFilenamesKeepTheirExtension() {
        String name = Attachments.sanitizeFilename("r".repeat(300) + ".pdf");
        assertEquals(Attachments.MAX_FILENAME, name.length());
        assertEquals(".pdf", name.substring(name.length() - 4));
    }

    @Test
    public void sha256IsLowerCaseHex() {
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
                Attachments.sha256Hex(new byte[0]));
    }

    @Test
    public void sizesAreDescribedForPeople() {
        assertEquals("5 MB", Attachments.describeSize(5L * 1024 * 1024));
        assertEquals("1.5 MB", Attachments.describeSize(1536L * 1024));
        assertEquals("300 KB", Attachments.describeSize(300L * 1024));
        assertEquals("10 bytes", Attachments.describeSize(10));
    }
}
