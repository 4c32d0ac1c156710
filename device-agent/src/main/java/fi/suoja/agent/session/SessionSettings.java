package fi.suoja.agent.session;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** How the agent runs guest sessions: the {@code session.kind} of the configuration and its settings. */
public sealed interface SessionSettings {

    /** systemd-logind: the display manager logs the guest in; the agent ends and locks through loginctl. */
    record Linux(String guestUser, String loginctl, Duration timeout) implements SessionSettings {
        public Linux {
            Objects.requireNonNull(guestUser, "guestUser");
            Objects.requireNonNull(loginctl, "loginctl");
            Objects.requireNonNull(timeout, "timeout");
        }
    }

    /** Site-specific command lines; placeholders {@code {until}} and {@code {minutes}}. */
    record Commands(List<String> start, List<String> warn, List<String> end, List<String> lock, Duration timeout)
            implements SessionSettings {
        public Commands {
            start = List.copyOf(start);
            warn = List.copyOf(warn);
            end = List.copyOf(end);
            lock = List.copyOf(lock);
            Objects.requireNonNull(timeout, "timeout");
        }
    }

    /** Nothing real happens; what would have happened is recorded. For tests and the demo. */
    record Simulated() implements SessionSettings {
    }

    /** The session control these settings describe. (Java 17 has no pattern switch yet, hence the ifs.) */
    static SessionControl control(SessionSettings settings) {
        if (settings instanceof Linux linux) {
            return new LinuxSessionControl(linux, new ProcessRunner(linux.timeout()));
        }
        if (settings instanceof Commands commands) {
            return new CommandTemplateSessionControl(commands, new ProcessRunner(commands.timeout()));
        }
        return new SimulatedSessionControl();
    }

    /** Splits a configured command line into arguments at spaces; double quotes keep spaces inside. */
    static List<String> commandLine(String line) {
        List<String> arguments = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        for (char c : line.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
                any = true;
            } else if (Character.isWhitespace(c) && !quoted) {
                if (any) {
                    arguments.add(current.toString());
                    current.setLength(0);
                    any = false;
                }
            } else {
                current.append(c);
                any = true;
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("a double quote is not closed");
        }
        if (any) {
            arguments.add(current.toString());
        }
        return arguments;
    }
}
