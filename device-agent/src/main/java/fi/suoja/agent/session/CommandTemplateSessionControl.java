package fi.suoja.agent.session;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs the site's own command lines. Placeholders are replaced inside single arguments and no
 * shell is involved, so a value can never become a second command.
 */
final class CommandTemplateSessionControl implements SessionControl {

    private final SessionSettings.Commands settings;
    private final ProcessRunner runner;

    CommandTemplateSessionControl(SessionSettings.Commands settings, ProcessRunner runner) {
        this.settings = settings;
        this.runner = runner;
    }

    @Override
    public void start(Instant until) throws SessionException {
        runner.runChecked(fill(settings.start(), Map.of("{until}", until.toString())));
    }

    @Override
    public void warn(int minutesLeft) throws SessionException {
        runner.runChecked(fill(settings.warn(), Map.of("{minutes}", Integer.toString(minutesLeft))));
    }

    @Override
    public void end() throws SessionException {
        runner.runChecked(settings.end());
    }

    @Override
    public void lock() throws SessionException {
        runner.runChecked(settings.lock());
    }

    static List<String> fill(List<String> template, Map<String, String> values) {
        List<String> command = new ArrayList<>(template.size());
        for (String argument : template) {
            String filled = argument;
            for (Map.Entry<String, String> value : values.entrySet()) {
                filled = filled.replace(value.getKey(), value.getValue());
            }
            command.add(filled);
        }
        return command;
    }
}
