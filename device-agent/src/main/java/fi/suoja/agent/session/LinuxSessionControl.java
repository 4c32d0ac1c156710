package fi.suoja.agent.session;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.List;

/**
 * A guest account logged in by the display manager, controlled through systemd-logind's
 * {@code loginctl}: ending the session terminates every process of the guest user, so nothing
 * keeps writing into the guest areas while they are wiped.
 */
final class LinuxSessionControl implements SessionControl {

    private static final Logger log = LoggerFactory.getLogger(LinuxSessionControl.class);

    private final SessionSettings.Linux settings;
    private final ProcessRunner runner;

    LinuxSessionControl(SessionSettings.Linux settings, ProcessRunner runner) {
        this.settings = settings;
        this.runner = runner;
    }

    @Override
    public void start(Instant until) throws SessionException {
        // The guest logs in at the greeter; the agent makes sure no earlier lock stands in the way.
        runner.runChecked(List.of(settings.loginctl(), "unlock-sessions"));
        log.info("guest session for {} open until {}", settings.guestUser(), until);
    }

    @Override
    public void warn(int minutesLeft) throws SessionException {
        // logind has no message of its own; a desktop notification needs the guest's bus, which a
        // site can reach with the command kind. Here the warning is logged for the staff view.
        log.info("guest session for {} ends in {} minutes", settings.guestUser(), minutesLeft);
    }

    @Override
    public void end() throws SessionException {
        ProcessRunner.Outcome outcome = runner.run(
                List.of(settings.loginctl(), "terminate-user", settings.guestUser()));
        if (outcome.exitCode() != 0 && !outcome.output().contains("not logged in")) {
            throw new SessionException("loginctl terminate-user " + settings.guestUser() + " failed with exit code "
                    + outcome.exitCode() + ": " + outcome.output());
        }
    }

    @Override
    public void lock() throws SessionException {
        end();
        runner.runChecked(List.of(settings.loginctl(), "lock-sessions"));
    }
}
