package fi.suoja.agent.config;

import java.util.List;

/** A configuration the agent refuses to run with; lists every problem found, not just the first. */
public final class ConfigException extends Exception {

    private final List<String> problems;

    public ConfigException(List<String> problems) {
        super("the configuration has " + problems.size() + (problems.size() == 1 ? " problem" : " problems")
                + ":\n  - " + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
