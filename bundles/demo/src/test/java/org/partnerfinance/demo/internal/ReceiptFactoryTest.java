package org.partnerfinance.demo.internal;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import org.junit.Test;
import org.partnerfinance.claims.api.AttachmentUpload;
import org.partnerfinance.ledger.api.Money;

public class ReceiptFactoryTest {

    @Test
    public void pngIsAValidImageOfTheRequestedSize() throws Exception {
        byte[] png = ReceiptFactory.png(240, 320, 42);
        assertArrayEquals(new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' }, Arrays.copyOf(png, 8));
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertEquals(240, image.getWidth());
        assertEquals(320, image.getHeight());
        assertEquals("background is white", 0xFFFFFF, image.getRGB(120, 5) & 0xFFFFFF);
        assertTrue("some text lines are drawn", image.getRGB(14, 14) != image.getRGB(120, 5));
    }

    @Test
    public void differentSeedsGiveDifferentPictures() {
        assertFalse(Arrays.equals(ReceiptFactory.png(240, 320, 1), ReceiptFactory.png(240, 320, 2)));
    }

    @Test
    public void pdfHasCorrectCrossReferences() {
        byte[] pdf = ReceiptFactory.pdf(List.of("City Cabs", "Total: EUR 84.60 (incl. tax)", "back\\slash"));
        String text = new String(pdf, StandardCharsets.US_ASCII);
        assertTrue(text.startsWith("%PDF-1.4\n"));
        assertTrue(text.endsWith("%%EOF\n"));
        assertTrue("parentheses are escaped", text.contains("(Total: EUR 84.60 \\(incl. tax\\)) Tj"));
        assertTrue(text.contains("(back\\\\slash) Tj"));

        Matcher startxref = Pattern.compile("startxref\n(\\d+)\n").matcher(text);
        assertTrue(startxref.find());
        int xref = Integer.parseInt(startxref.group(1));
        assertTrue(text.startsWith("xref\n0 6\n", xref));
        Matcher entry = Pattern.compile("(\\d{10}) 00000 n \n").matcher(text.substring(xref));
        int object = 1;
        while (entry.find()) {
            int offset = Integer.parseInt(entry.group(1));
            assertTrue("object " + object + " at its offset", text.startsWith(object + " 0 obj\n", offset));
            object++;
        }
        assertEquals(6, object);

        Matcher length = Pattern.compile("/Length (\\d+) >>\nstream\n").matcher(text);
        assertTrue(length.find());
        int start = length.end();
        int declared = Integer.parseInt(length.group(1));
        assertTrue("stream length matches", text.startsWith("endstream", start + declared));
    }

    @Test
    public void everyDemoReceiptIsDistinct() {
        Set<String> seen = new HashSet<>();
        LocalDate today = LocalDate.of(2025, 6, 15);
        for (DemoPlan.DemoClaim plan : DemoPlan.CLAIMS) {
            AttachmentUpload receipt = DemoData.receipt(plan, today.minusDays(plan.daysAgo()),
                    Money.of(plan.amount(), plan.currency()));
            assertTrue(receipt.filename(), receipt.filename().endsWith("." + plan.receiptKind()));
            assertTrue("receipt " + receipt.filename() + " is unique",
                    seen.add(java.util.HexFormat.of().formatHex(receipt.content())));
        }
    }

    @Test
    public void planCoversBothPartnersAndLeavesClaimsForReview() {
        Set<String> submittedFor = new HashSet<>();
        for (DemoPlan.DemoClaim c : DemoPlan.CLAIMS) {
            if (c.outcome() == DemoPlan.Outcome.LEAVE_SUBMITTED) {
                submittedFor.add(c.partnerId());
            }
            Money.of(c.amount(), c.currency()); // valid money
        }
        assertEquals(Set.of("P-1001", "P-1002"), submittedFor);
        assertEquals(List.of("partner", "partner2", "partneradmin", "reviewer", "manager", "admin", "integrator"),
                DemoPlan.USERS.stream().map(DemoPlan.DemoUser::username).toList());
    }
}
