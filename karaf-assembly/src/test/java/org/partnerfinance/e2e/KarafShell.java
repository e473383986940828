package org.partnerfinance.e2e;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * An interactive Karaf console session through {@code bin/client}. On these machines {@code bin/client "command"}
 * prints nothing, so commands are typed into an interactive session through its stdin instead. A command is typed
 * only once the console shows its prompt (input typed ahead of the prompt can get lost), together with an echo of a
 * unique marker; the command's output is everything printed before the marker, without prompts and terminal escape
 * codes.
 */
public final class KarafShell implements AutoCloseable {

    private static final Pattern ANSI = Pattern.compile("\u001B\\[[0-9;?]*[a-zA-Z]");
    private static final String PROMPT_TEXT = "@root()>";
    private static final Pattern PROMPT = Pattern.compile("[\\w.-]*@root\\(\\)>\\s?");

    /**
     * What the console printed, in order: a complete line of output, a completed line showing the prompt (with the
     * typed command), a prompt waiting for input, or the end of the output.
     */
    private record Event(Kind kind, String line) {
    }

    private enum Kind {
        LINE, PROMPT_LINE, PROMPT, END
    }

    private final Process process;
    private final Writer stdin;
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final StringBuilder stderr = new StringBuilder();
    /** The last characters the console printed, raw, for failure messages. */
    private final StringBuilder transcript = new StringBuilder();
    private int commands;

    private KarafShell(Process process) {
        this.process = process;
        this.stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        Thread out = new Thread(() -> pump(process.getInputStream()), "karaf-client-out");
        out.setDaemon(true);
        out.start();
        Thread err = new Thread(this::drainErrors, "karaf-client-err");
        err.setDaemon(true);
        err.start();
    }

    static KarafShell open(Path home, int sshPort, String user, String password, Duration timeout)
            throws IOException {
        ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/client").toString(), "-a",
                String.valueOf(sshPort), "-h", "127.0.0.1", "-u", user, "-p", password, "-r", "3")
                .directory(home.toFile());
        builder.environment().put("TERM", "dumb");
        KarafShell shell = new KarafShell(builder.start());
        try {
            shell.awaitPrompt("the console prompt", timeout, new ArrayList<>());
        } catch (RuntimeException | Error e) {
            shell.close();
            throw e;
        }
        return shell;
    }

    /**
     * Types one command and returns its output (lines joined with \n, trailing \n) once the console is ready for
     * the next one. Fails when the command reports an error or does not finish in time.
     */
    public String run(String command, Duration timeout) throws IOException {
        String marker = "__PF_END_" + (++commands) + "__";
        // one line: the marker is echoed after the command has finished (or the error that aborted it)
        stdin.write(command + " ; echo " + marker + "\n");
        stdin.flush();
        long end = System.nanoTime() + timeout.toNanos();
        List<String> output = new ArrayList<>();
        boolean failed = false;
        while (true) {
            Event event = next(command, end, output);
            if (event.line() != null && isMarker(event, marker)) {
                break;
            }
            if (event.kind() == Kind.LINE) {
                output.add(event.line());
                if (event.line().startsWith("Error executing command") || event.line().contains("Command not found")) {
                    failed = true;
                    break;
                }
            }
        }
        awaitPrompt(command, Duration.ofNanos(Math.max(1, end - System.nanoTime())), output);
        String text = output.isEmpty() ? "" : String.join("\n", output) + "\n";
        if (failed) {
            throw new IllegalStateException("Karaf command '" + command + "' failed:\n" + text);
        }
        return text;
    }

    /**
     * True when the event is the marker's echo: a line of its own, or a prompt line that holds nothing but prompts and
     * the marker (printed next to a prompt redrawn at the same moment). The typed command line, which shows
     * "echo marker", is not.
     */
    private static boolean isMarker(Event event, String marker) {
        String text = event.kind() == Kind.PROMPT_LINE ? PROMPT.matcher(event.line()).replaceAll("") : event.line();
        return text.trim().equals(marker);
    }

    private void awaitPrompt(String what, Duration timeout, List<String> output) {
        long end = System.nanoTime() + timeout.toNanos();
        while (true) {
            Event event = next(what, end, output);
            if (event.kind() == Kind.PROMPT) {
                return;
            }
            if (event.kind() == Kind.LINE) {
                output.add(event.line());
            }
        }
    }

    private Event next(String what, long end, List<String> output) {
        Event event;
        try {
            event = events.poll(Math.max(1, end - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for " + what, e);
        }
        if (event == null) {
            throw new IllegalStateException("Karaf console: timed out waiting for '" + what + "'; output so far: "
                    + output + errors() + "; console transcript (escaped): " + transcript());
        }
        if (event.kind() == Kind.END) {
            events.add(event);
            throw new IllegalStateException("The Karaf client ended while waiting for '" + what + "'; output: "
                    + output + errors());
        }
        return event;
    }

    private String errors() {
        synchronized (stderr) {
            return stderr.length() == 0 ? "" : "; client errors: " + stderr;
        }
    }

    /** Splits the console output into lines and prompts (a prompt is the unfinished line the console waits on). */
    private void pump(InputStream in) {
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            StringBuilder partial = new StringBuilder();
            boolean promptSignalled = false;
            char[] buffer = new char[8192];
            int read;
            while ((read = reader.read(buffer)) != -1) {
                record(buffer, read);
                for (int i = 0; i < read; i++) {
                    char c = buffer[i];
                    if (c == '\n') {
                        for (String segment : clean(partial).split("\r")) {
                            if (segment.contains(PROMPT_TEXT)) {
                                // prompt and typed command: not output, but looked at for a marker printed beside it
                                events.add(new Event(Kind.PROMPT_LINE, segment));
                            } else if (!segment.isBlank()) {
                                events.add(new Event(Kind.LINE, segment));
                            }
                        }
                        partial.setLength(0);
                        promptSignalled = false;
                    } else {
                        partial.append(c);
                    }
                }
                if (!promptSignalled) {
                    String current = clean(partial);
                    String last = current.substring(current.lastIndexOf('\r') + 1);
                    if (last.contains(PROMPT_TEXT)) {
                        events.add(new Event(Kind.PROMPT, null));
                        promptSignalled = true;
                    }
                }
            }
        } catch (IOException e) {
            // the client ended; signalled below
        } finally {
            events.add(new Event(Kind.END, null));
        }
    }

    private void record(char[] buffer, int length) {
        synchronized (transcript) {
            transcript.append(buffer, 0, length);
            if (transcript.length() > 4000) {
                transcript.delete(0, transcript.length() - 4000);
            }
        }
    }

    private String transcript() {
        synchronized (transcript) {
            return transcript.toString().replace("\u001B", "<ESC>").replace("\r", "<CR>").replace("\n", "<LF>\n");
        }
    }

    private static String clean(CharSequence text) {
        return ANSI.matcher(text).replaceAll("");
    }
    private void drainErrors() {
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.contains("JAVA_HOME not set")) {
                    synchronized (stderr) {
                        stderr.append(line).append('\n');
                    }
                }
            }
        } catch (IOException e) {
            // the client ended
        }
    }

    /** Logs out and waits for the client to end (kills it after 10 s). */
    @Override
    public void close() {
        try {
            stdin.write("logout\n");
            stdin.flush();
            stdin.close();
        } catch (IOException e) {
            // the client is gone already
        }
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
