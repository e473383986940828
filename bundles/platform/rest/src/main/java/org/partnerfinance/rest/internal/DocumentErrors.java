package org.partnerfinance.rest.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.partnerfinance.documents.api.DocumentValidationException;
import org.partnerfinance.documents.api.DuplicateDocumentException;
import org.partnerfinance.rest.api.RestException;

/** The documents area's refusals as API answers: invalid input 422 with its field, duplicates 409 naming the existing one. */
final class DocumentErrors {

    private DocumentErrors() {
    }

    static <T> T call(Supplier<T> work) {
        try {
            return work.get();
        } catch (DuplicateDocumentException e) {
            Map<String, Object> existing = new LinkedHashMap<>();
            existing.put("id", e.existingId());
            existing.put("number", e.existingNumber());
            throw RestException.conflict("duplicate", e.getMessage()).with("existing", existing);
        } catch (DocumentValidationException e) {
            throw RestException.invalid(e.field(), e.getMessage());
        }
    }
}
