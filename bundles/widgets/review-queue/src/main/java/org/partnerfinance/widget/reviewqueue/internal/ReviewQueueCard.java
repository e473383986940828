package org.partnerfinance.widget.reviewqueue.internal;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.partnerfinance.claims.api.Claim;
import org.partnerfinance.claims.api.ClaimService;
import org.partnerfinance.security.api.AccessDeniedException;
import org.partnerfinance.security.api.Caller;
import org.partnerfinance.ui.api.LiveUpdates;
import org.partnerfinance.ui.api.ScreenContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

/** The card content: waiting count, totals per currency, oldest age and the five oldest claims with links. */
final class ReviewQueueCard extends VerticalLayout {

    static final int TOP = 5;
    private static final Logger LOG = LoggerFactory.getLogger(ReviewQueueCard.class);

    private final ScreenContext context;
    private final ClaimService claims;
    private final Supplier<Map<String, String>> partnerNames;
    private final Clock clock;
    private final Caller caller;
    private final Div body = new Div();

    ReviewQueueCard(ScreenContext context, ClaimService claims, LiveUpdates live,
            Supplier<Map<String, String>> partnerNames, Clock clock) {
        this.context = context;
        this.claims = claims;
        this.partnerNames = partnerNames;
        this.clock = clock;
        this.caller = context.caller();
        setId("widget-review-queue-content");
        setPadding(false);
        body.setWidthFull();
        Button open = new Button("Open review queue", VaadinIcon.ARROW_RIGHT.create(), e -> context.navigate("review"));
        open.setIconAfterText(true);
        open.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        open.setId("widget-review-queue-open");
        add(body, open);
        refresh();
        live.subscribe(this, LiveUpdates.CLAIMS, p -> true, this::refresh);
    }

    void refresh() {
        body.removeAll();
        QueueSummary summary;
        try {
            summary = QueueSummary.of(claims.reviewQueue(caller), clock.instant(), TOP);
        } catch (AccessDeniedException | IllegalArgumentException e) {
            body.add(text(e.getMessage()));
            return;
        } catch (RuntimeException e) {
            LOG.warn("Reading the review queue for {} failed", caller.username(), e);
            body.add(text("The review queue is not available right now."));
            return;
        }
        if (summary.waiting() == 0) {
            Span none = text("Nothing is waiting for review.");
            none.setId("widget-review-queue-waiting");
            body.add(none);
            return;
        }
        Span count = text(String.valueOf(summary.waiting()));
        count.setId("widget-review-queue-waiting");
        count.getStyle().set("font-size", "var(--lumo-font-size-xxxl)").set("font-weight", "600")
                .set("line-height", "1");
        Span label = text(summary.waiting() == 1 ? "claim waiting" : "claims waiting");
        HorizontalLayout headline = new HorizontalLayout(count, label);
        headline.setAlignItems(FlexComponent.Alignment.BASELINE);

        Span totals = text("Total: " + String.join(" · ", summary.totals().stream().map(m -> m.format()).toList()));
        totals.setId("widget-review-queue-totals");
        Span age = text("Oldest waiting: " + summary.oldestAgeDays() + (summary.oldestAgeDays() == 1 ? " day" : " days"));
        age.setId("widget-review-queue-oldest");
        if (summary.oldestAgeDays() >= 7) {
            age.getElement().getThemeList().addAll(List.of("badge", "warning"));
        }
        VerticalLayout facts = new VerticalLayout(headline, totals, age);
        facts.setPadding(false);
        facts.setSpacing(false);

        Map<String, String> names = partnerNames.get();
        VerticalLayout oldest = new VerticalLayout();
        oldest.setId("widget-review-queue-oldest-list");
        oldest.setPadding(false);
        oldest.setSpacing(false);
        for (Claim c : summary.oldest()) {
            String partner = names.getOrDefault(c.partnerId(), c.partnerId());
            long days = QueueSummary.ageInDays(QueueSummary.waitingSince(c), clock.instant());
            Button link = new Button(c.reference() + " · " + partner + " · " + c.amount().format() + " · " + days + " d",
                    e -> context.navigate("claims/detail?id=" + c.id()));
            link.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
            link.setId("widget-review-queue-claim-" + c.id());
            oldest.add(link);
        }
        body.add(facts, oldest);
    }

    private static Span text(String value) {
        Span span = new Span();
        span.setText(value);
        return span;
    }
}
