package org.partnerfinance.documents.ui.internal.common;

import static org.junit.Assert.assertEquals;

import org.junit.Test;

public class FileDownloadTest {

    @Test
    public void fileNamesAreSafeAndExactInUtf8() {
        assertEquals("attachment; filename=\"Rechnung_M_ller.pdf\"; filename*=UTF-8''Rechnung_M%C3%BCller.pdf",
                FileDownload.contentDisposition("Rechnung_Müller.pdf"));
        assertEquals("INV_2026_7_.pdf", FileDownload.safeName("INV/2026\\7;") + ".pdf");
        assertEquals("download", FileDownload.safeName("  "));
    }
}
