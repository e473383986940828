package org.partnerfinance.connectors.ui.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;

import org.partnerfinance.connectors.api.ConnectorDirection;
import org.partnerfinance.connectors.api.ConnectorInfo;
import org.partnerfinance.connectors.api.ImportProgress;
import org.partnerfinance.connectors.api.ImportRun;
import org.partnerfinance.connectors.api.ImportService;
import org.partnerfinance.connectors.api.Preview;
import org.partnerfinance.connectors.api.RunStatus;
import org.partnerfinance.connectors.api.UnknownConnectorException;
import org.partnerfinance.ui.api.ScreenContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.upload.Upload;

/**
 * The Connectors screen: installed connectors with their state; "Import a file": choose the connector, upload (the
 * browser shows the transfer), look at the preview, import (a progress bar follows the run as it reads the file), and
 * the run's report; the latest runs, each with its report, the download of its kept file and a retry.
 */
final class ConnectorsView extends VerticalLayout {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(ConnectorsView.class);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT)
            .withZone(ZoneId.systemDefault());
    private static final int PREVIEW_ROWS = 10;
    private static final int RECENT_RUNS = 50;

    private final transient ScreenContext context;
    private final transient ImportService imports;
    private final transient ExecutorService runner;

    final Grid<ConnectorInfo> connectors = new Grid<>();
    final Select<ConnectorInfo> connector = new Select<>();
    final Upload upload = new Upload();
    final VerticalLayout staged = new VerticalLayout();
    final ProgressBar progress = new ProgressBar();
    final Span progressText = new Span();
    final Button importButton = new Button("Import");
    final VerticalLayout report = new VerticalLayout();
    final Grid<ImportRun> runs = new Grid<>();

    private transient Path file;
    private String fileName;
    private long fileSize;
    private boolean running;

    ConnectorsView(ScreenContext context, ImportService imports, ExecutorService runner) {
        this.context = context;
        this.imports = imports;
        this.runner = runner;
        setId("connectors-view");
        setPadding(false);

        connectors.setId("connectors-grid");
        connectors.addColumn(ConnectorInfo::name).setHeader("Connector").setAutoWidth(true);
        connectors.addColumn(ConnectorInfo::id).setHeader("Id").setAutoWidth(true);
        connectors.addColumn(c -> String.join(", ", c.formats())).setHeader("Formats").setFlexGrow(1);
        connectors.addColumn(c -> c.direction().name().toLowerCase(Locale.ROOT)).setHeader("Direction");
        connectors.addComponentColumn(c -> badge(c.enabled() ? "On" : "Switched off",
                c.enabled() ? "success" : "contrast")).setHeader("State");
        connectors.setAllRowsVisible(true);

        connector.setId("import-connector");
        connector.setLabel("Connector");
        connector.setItemLabelGenerator(ConnectorInfo::name);
        upload.setId("import-upload");
        upload.setMaxFiles(1);
        upload.setMaxFileSize((int) Math.min(Integer.MAX_VALUE, FileUploadHandler.MAX_BYTES));
        upload.setUploadHandler(new FileUploadHandler(this));
        upload.addFileRejectedListener(e -> context.notify(e.getErrorMessage(), true));
        importButton.setId("import-start");
        importButton.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        importButton.addClickListener(e -> startRun());
        progress.setId("import-progress");
        progressText.setId("import-progress-text");
        staged.setId("import-staged");
        staged.setPadding(false);
        staged.setVisible(false);
        report.setId("import-report");
        report.setPadding(false);

        runs.setId("runs-grid");
        runs.addColumn(ImportRun::id).setHeader("Run").setAutoWidth(true);
        runs.addColumn(ImportRun::connector).setHeader("Connector").setAutoWidth(true);
        runs.addColumn(ImportRun::fileName).setHeader("File").setFlexGrow(1);
        runs.addColumn(r -> WHEN.format(r.startedAt())).setHeader("Started").setAutoWidth(true);
        runs.addColumn(ImportRun::startedBy).setHeader("By").setAutoWidth(true);
        runs.addComponentColumn(ConnectorsView::statusBadge).setHeader("Status");
        runs.addColumn(r -> String.format(Locale.ROOT, "%,d", r.created())).setHeader("Created");
        runs.addColumn(r -> String.format(Locale.ROOT, "%,d", r.duplicates())).setHeader("Duplicates");
        runs.addColumn(r -> String.format(Locale.ROOT, "%,d", rejected(r))).setHeader("Rejected");
        runs.addColumn(ConnectorsView::duration).setHeader("Duration");
        runs.setAllRowsVisible(true);
        runs.addSelectionListener(e -> e.getFirstSelectedItem().ifPresent(this::showReport));

        add(new H3("Installed connectors"), connectors,
                new H3("Import a file"),
                new Paragraph("Choose the connector and upload the file. Nothing is imported before you press "
                        + "Import: first the preview shows how the connector reads the first rows. Importing is "
                        + "idempotent: documents that are there already are reported as duplicates."),
                new HorizontalLayout(connector), upload, staged, report,
                new H3("Latest runs"), runs);
        refresh();
    }

    @Override
    protected void onDetach(DetachEvent event) {
        super.onDetach(event);
        if (!running) {
            discardFile();
        }
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        refresh();
    }

    void refresh() {
        List<ConnectorInfo> all = imports.connectors(context.caller());
        connectors.setItems(all);
        ConnectorInfo chosen = connector.getValue();
        List<ConnectorInfo> usable = all.stream()
                .filter(c -> c.enabled() && c.direction() == ConnectorDirection.IMPORT).toList();
        connector.setItems(usable);
        connector.setEmptySelectionAllowed(false);
        usable.stream().filter(c -> chosen != null && c.id().equals(chosen.id())).findFirst()
                .or(() -> usable.stream().findFirst()).ifPresent(connector::setValue);
        runs.setItems(imports.recent(context.caller(), null, RECENT_RUNS));
    }

    /** The upload arrived (in the UI's lock): keep it and show the preview. */
    void received(String name, Path uploaded, long size) {
        discardFile();
        file = uploaded;
        fileName = name;
        fileSize = size;
        upload.clearFileList();
        staged.removeAll();
        report.removeAll();
        ConnectorInfo chosen = connector.getValue();
        if (chosen == null) {
            context.notify("Choose a connector first.", true);
            discardFile();
            return;
        }
        staged.add(new Paragraph(String.format(Locale.ROOT, "%s (%,d bytes) is ready to import with %s.", name, size,
                chosen.name())));
        preview(chosen).ifPresent(staged::add);
        progress.setValue(0);
        progress.setVisible(false);
        progressText.setText("");
        importButton.setText("Import " + name);
        importButton.setEnabled(true);
        staged.add(new HorizontalLayout(importButton), progress, progressText);
        staged.setVisible(true);
    }

    void tooLarge(String name) {
        upload.clearFileList();
        context.notify(name + " is larger than " + FileUploadHandler.MAX_BYTES / (1024 * 1024 * 1024)
                + " GB: import it with pf:import in the console or POST /api/v1/imports.", true);
    }

    private Optional<VerticalLayout> preview(ConnectorInfo chosen) {
        Optional<Preview> preview;
        try (InputStream in = Files.newInputStream(file)) {
            preview = imports.preview(context.caller(), chosen.id(), fileName, in, PREVIEW_ROWS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (UnknownConnectorException e) {
            context.notify(e.getMessage(), true);
            return Optional.empty();
        }
        if (preview.isEmpty()) {
            return Optional.empty();
        }
        Preview p = preview.get();
        VerticalLayout box = new VerticalLayout();
        box.setId("import-preview");
        box.setPadding(false);
        if (!p.columns().isEmpty()) {
            Grid<List<String>> rows = new Grid<>();
            for (int i = 0; i < p.columns().size(); i++) {
                int column = i;
                rows.addColumn(r -> column < r.size() ? r.get(column) : "").setHeader(p.columns().get(i))
                        .setAutoWidth(true);
            }
            rows.setItems(p.rows());
            rows.setAllRowsVisible(true);
            box.add(new Span("The first " + p.rows().size() + " rows as " + chosen.name() + " reads them:"), rows);
        }
        for (String problem : p.problems()) {
            Span line = badge(problem, "error");
            box.add(line);
        }
        return Optional.of(box);
    }

    private void startRun() {
        ConnectorInfo chosen = connector.getValue();
        if (file == null || chosen == null || running) {
            return;
        }
        running = true;
        importButton.setEnabled(false);
        progress.setVisible(true);
        progress.setMin(0);
        progress.setMax(Math.max(1, fileSize));
        progress.setValue(0);
        progressText.setText("Reading " + fileName + " …");
        UI ui = context.ui();
        Path path = file;
        String name = fileName;
        long size = fileSize;
        try {
            runner.submit(() -> run(ui, chosen.id(), path, name, size));
        } catch (RejectedExecutionException e) {
            running = false;
            context.notify("The portal is stopping; import the file again in a moment.", true);
        }
    }

    /** On the runner thread: the run, with progress pushed to the UI at most every 200 ms. */
    private void run(UI ui, String connectorId, Path path, String name, long size) {
        long[] lastPush = {0};
        ImportRun run = null;
        String error = null;
        try (InputStream in = Files.newInputStream(path)) {
            run = imports.run(context.caller(), connectorId, name, in, (bytes, documents) -> {
                long now = System.nanoTime();
                if (now - lastPush[0] > 200_000_000L) {
                    lastPush[0] = now;
                    ui.access(() -> {
                        progress.setValue(Math.min(size, bytes));
                        progressText.setText(String.format(Locale.ROOT, "%,d of %,d bytes read, %,d documents",
                                bytes, size, documents));
                    });
                }
            });
        } catch (IOException | RuntimeException e) {
            LOG.error("Import of {} with {} failed", name, connectorId, e);
            error = e instanceof UnknownConnectorException ? e.getMessage()
                    : "The import could not run; the portal's log has the details.";
        } finally {
            try {
                Files.deleteIfExists(path);
            } catch (IOException e) {
                LOG.warn("Could not delete the uploaded file {}", path, e);
            }
        }
        ImportRun finished = run;
        String failure = error;
        ui.access(() -> {
            running = false;
            file = null;
            staged.setVisible(false);
            if (finished != null) {
                showReport(finished);
                context.notify("Run " + finished.id() + ": " + summary(finished), finished.status() == RunStatus.FAILED);
            } else {
                context.notify(failure, true);
            }
            refresh();
        });
    }

    void showReport(ImportRun run) {
        report.removeAll();
        HorizontalLayout counts = new HorizontalLayout(statusBadge(run),
                badge(String.format(Locale.ROOT, "%,d created", run.created()), "success"),
                badge(String.format(Locale.ROOT, "%,d duplicates", run.duplicates()), "contrast"),
                badge(String.format(Locale.ROOT, "%,d rejected", rejected(run)), rejected(run) > 0 ? "error" : "contrast"));
        Paragraph about = new Paragraph(String.format(Locale.ROOT, "Run %d: %s with %s, %,d bytes, %s by %s, %s.",
                run.id(), run.fileName(), run.connector(), run.bytes(), WHEN.format(run.startedAt()), run.startedBy(),
                duration(run)));
        report.add(new H3("Run " + run.id()), about, counts);
        if (run.failure() != null) {
            Paragraph failure = new Paragraph();
            failure.setText(run.failure());
            failure.getStyle().set("color", "var(--lumo-error-text-color)");
            report.add(failure);
        }
        if (!run.rejected().isEmpty()) {
            Grid<ImportRun.Rejection> rejected = new Grid<>();
            rejected.setId("report-rejections");
            rejected.addColumn(ImportRun.Rejection::document).setHeader("Document").setAutoWidth(true);
            rejected.addColumn(ImportRun.Rejection::reason).setHeader("Reason").setFlexGrow(1);
            rejected.setItems(run.rejected());
            rejected.setAllRowsVisible(run.rejected().size() <= 20);
            report.add(rejected);
        }
        if (run.sha256() != null) {
            report.add(new Span("SHA-256 " + run.sha256()));
        }
        if (run.status() != RunStatus.RUNNING) {
            Anchor download = new Anchor(new RunFileDownload(imports, context.caller(), run.id(), run.fileName()),
                    "Download the file");
            download.setId("run-download");
            download.getElement().setAttribute("download", true);
            Button retry = new Button("Retry run " + run.id(), e -> startRetry(run));
            retry.setId("run-retry");
            retry.setEnabled(!running);
            report.add(new Paragraph("The file is kept for a while after its run: retry it once its connector was "
                    + "fixed or reconfigured, or the partners it rejected exist. Documents imported before come back "
                    + "as duplicates."), new HorizontalLayout(retry, download));
        }
    }

    /** Imports the kept file of a run again, on the runner thread, and shows the new run's report. */
    private void startRetry(ImportRun earlier) {
        if (running) {
            return;
        }
        running = true;
        UI ui = context.ui();
        try {
            runner.submit(() -> {
                ImportRun run = null;
                String error = null;
                try {
                    run = imports.retry(context.caller(), earlier.id(), ImportProgress.NONE);
                } catch (IllegalArgumentException e) {
                    // the file is no longer kept, the run is unknown, or its connector is gone or switched off
                    error = e.getMessage();
                } catch (RuntimeException e) {
                    LOG.error("Retry of import run {} failed", earlier.id(), e);
                    error = "The retry could not run; the portal's log has the details.";
                }
                ImportRun finished = run;
                String failure = error;
                ui.access(() -> {
                    running = false;
                    if (finished != null) {
                        showReport(finished);
                        context.notify("Run " + earlier.id() + " retried as run " + finished.id() + ": "
                                + summary(finished), finished.status() == RunStatus.FAILED);
                    } else {
                        context.notify(failure, true);
                    }
                    refresh();
                });
            });
        } catch (RejectedExecutionException e) {
            running = false;
            context.notify("The portal is stopping; retry the run again in a moment.", true);
        }
    }

    private void discardFile() {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                LOG.warn("Could not delete the uploaded file {}", file, e);
            }
            file = null;
        }
    }

    static String summary(ImportRun run) {
        String counts = String.format(Locale.ROOT, "%,d created, %,d duplicates, %,d rejected", run.created(),
                run.duplicates(), rejected(run));
        return run.status() == RunStatus.FAILED ? "failed (" + counts + "): " + run.failure() : counts + ".";
    }

    static long rejected(ImportRun run) {
        return run.documents() - run.created() - run.duplicates();
    }

    static String duration(ImportRun run) {
        if (run.finishedAt() == null) {
            return "running";
        }
        Duration d = Duration.between(run.startedAt(), run.finishedAt());
        return d.toSeconds() < 1 ? d.toMillis() + " ms" : String.format(Locale.ROOT, "%d.%01d s", d.toSeconds(),
                d.toMillisPart() / 100);
    }

    static Span statusBadge(ImportRun run) {
        return switch (run.status()) {
            case COMPLETED -> badge(rejected(run) > 0 ? "Completed with rejections" : "Completed",
                    rejected(run) > 0 ? "warning" : "success");
            case FAILED -> badge("Failed", "error");
            case RUNNING -> badge("Running", "contrast");
        };
    }

    static Span badge(String text, String theme) {
        Span span = new Span();
        span.setText(text);
        span.getElement().getThemeList().add("badge " + theme);
        return span;
    }
}
