package fi.suoja.server.access;

import fi.suoja.server.audit.AuditAction;
import fi.suoja.server.audit.AuditLog;
import fi.suoja.server.audit.Target;
import fi.suoja.server.db.Tx;
import fi.suoja.server.problem.ProblemType;
import fi.suoja.server.problem.SuojaException;
import fi.suoja.server.throttle.Scope;
import fi.suoja.server.throttle.Throttles;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Accounts, staff logins and kiosk tokens. */
@Singleton
public class AccessService {

    private static final Logger LOG = LoggerFactory.getLogger(AccessService.class);

    private final AccountRepository accounts;
    private final StaffSessionRepository sessions;
    private final KioskRepository kiosks;
    private final PasswordHasher hasher;
    private final AccessConfig config;
    private final Throttles throttles;
    private final Tx tx;
    private final AuditLog audit;
    private final Clock clock;
    // Compared against when the user does not exist, so that a wrong name takes as long as a wrong password.
    private final String decoyHash;

    AccessService(AccountRepository accounts, StaffSessionRepository sessions, KioskRepository kiosks,
                  PasswordHasher hasher, AccessConfig config, Throttles throttles, Tx tx, Clock clock,
                  AuditLog audit) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.kiosks = kiosks;
        this.hasher = hasher;
        this.config = config;
        this.throttles = throttles;
        this.tx = tx;
        this.audit = audit;
        this.clock = clock;
        this.decoyHash = hasher.hash("decoy password that no account has");
    }

    /**
     * Logs a member of staff in. Wrong passwords are slowed down per account, wrong names per
     * {@code address} (see {@link AccessConfig}); a wrong name answers exactly like a wrong password.
     * No transaction around the throttle: it counts in transactions of its own, and the session is
     * saved in one.
     */
    public LoginResult login(String username, String password, String address) {
        Optional<Account> account = tx.run(() -> accounts.findByUsername(username).filter(Account::active));
        Scope scope = account.isPresent() ? Scope.account(username) : Scope.address(address);
        return throttles.guarded(scope, account.isPresent() ? config.accountPolicy() : config.addressPolicy(),
                "Too many wrong passwords. Please wait a moment and try again.",
                e -> e instanceof SuojaException refused && refused.type() == ProblemType.NOT_LOGGED_IN,
                () -> check(account, username, password));
    }

    private LoginResult check(Optional<Account> account, String username, String password) {
        boolean matches = hasher.matches(password, account.map(Account::passwordHash).orElse(decoyHash));
        if (account.isEmpty() || !matches) {
            LOG.info("Failed staff login for user name of length {}", username.length());
            throw new SuojaException(ProblemType.NOT_LOGGED_IN, "The user name or the password is wrong.");
        }
        Instant now = clock.instant();
        String token = Tokens.newToken(Tokens.STAFF_PREFIX);
        Instant expires = now.plus(config.staffSessionLifetime());
        tx.run(() -> sessions.save(new StaffSession(Tokens.hash(token), account.get().id(), now, expires)));
        return new LoginResult(token, expires, account.get().username(), account.get().role());
    }

    public void logout(String token) {
        tx.run(() -> sessions.deleteById(Tokens.hash(token)));
    }

    /**
     * The caller a bearer token stands for, if the token is known, unexpired and not revoked; read
     * from the database on every request, so a revoked kiosk or a switched-off account is refused
     * at once on every instance.
     */
    public Optional<Authentication> authenticate(String token) {
        if (token.startsWith(Tokens.STAFF_PREFIX)) {
            return tx.read(() -> sessions.findById(Tokens.hash(token))
                    .filter(s -> s.expiresAt().isAfter(clock.instant()))
                    .flatMap(s -> accounts.findById(s.accountId()))
                    .filter(Account::active)
                    .map(AccessService::authenticationOf));
        }
        if (token.startsWith(Tokens.KIOSK_PREFIX)) {
            // One SELECT, so no transaction of its own (a BEGIN and a COMMIT round trip less on every
            // kiosk request): on its own connection in auto-commit, a single statement sees the
            // last committed state of the kiosk's row, as it would inside a transaction.
            return kiosks.findByTokenHash(Tokens.hash(token))
                    .filter(k -> !k.revoked())
                    .map(k -> Authentication.build("kiosk-" + k.id(), List.of(Role.KIOSK_ROLE),
                            Map.of(Caller.KIOSK_ID, k.id(), Caller.SITE_ID, k.siteId())));
        }
        return Optional.empty();
    }

    private static Authentication authenticationOf(Account account) {
        List<String> roles = account.role() == Role.ADMIN
                ? List.of(Role.STAFF_ROLE, Role.ADMIN_ROLE)
                : List.of(Role.STAFF_ROLE);
        return Authentication.build(account.username(), roles, Map.of(Caller.ACCOUNT_ID, account.id()));
    }

    public AccountView createAccount(String username, String password, Role role) {
        return tx.run(() -> {
            if (role == Role.KIOSK) {
                throw SuojaException.invalid("Kiosks are created as kiosks, not as accounts.");
            }
            if (accounts.findByUsername(username).isPresent()) {
                throw new SuojaException(ProblemType.ALREADY_EXISTS, "An account with this user name exists already.");
            }
            Account saved = accounts.save(new Account(null, username, hasher.hash(password), role, true, clock.instant()));
            audit.record(AuditAction.ACCOUNT_CREATED, null, Target.account(username), null, role.name());
            return AccountView.of(saved);
        });
    }

    public boolean hasAccounts() {
        return tx.run(() -> accounts.count() > 0);
    }

    public List<AccountView> listAccounts() {
        return tx.run(() -> accounts.findAllOrderByUsername().stream().map(AccountView::of).toList());
    }

    public AccountView deactivate(long accountId, Caller.Staff by) {
        return tx.run(() -> {
            if (by.accountId() == accountId) {
                throw SuojaException.invalid("You cannot switch off your own account.");
            }
            Account account = accounts.findById(accountId).orElseThrow(() -> SuojaException.notFound("The account"));
            sessions.deleteByAccount(accountId);
            audit.record(AuditAction.ACCOUNT_SWITCHED_OFF, null, Target.account(account.username()), null, null);
            return AccountView.of(accounts.update(account.deactivated()));
        });
    }

    public AccountView resetPassword(long accountId, String newPassword) {
        return tx.run(() -> {
            Account account = accounts.findById(accountId).orElseThrow(() -> SuojaException.notFound("The account"));
            sessions.deleteByAccount(accountId);
            audit.record(AuditAction.PASSWORD_RESET, null, Target.account(account.username()), null, null);
            return AccountView.of(accounts.update(account.withPasswordHash(hasher.hash(newPassword))));
        });
    }

    /** Creates a kiosk; its token is shown this once and never again. */
    public NewKiosk createKiosk(long siteId, String name) {
        return tx.run(() -> createKiosk(siteId, name, Tokens.newToken(Tokens.KIOSK_PREFIX)));
    }

    /** Whether some kiosk, revoked or not, was ever given this token. */
    public boolean knowsKioskToken(String token) {
        return tx.run(() -> kiosks.findByTokenHash(Tokens.hash(token)).isPresent());
    }

    /** Creates a kiosk with a token chosen by the operator (first start from configuration). */
    public NewKiosk createKiosk(long siteId, String name, String token) {
        return tx.run(() -> {
            if (!token.startsWith(Tokens.KIOSK_PREFIX) || token.length() < 24) {
                throw SuojaException.invalid("A kiosk token starts with " + Tokens.KIOSK_PREFIX + " and has at least 24 characters.");
            }
            if (kiosks.countSites(siteId) == 0) {
                throw SuojaException.notFound("The site");
            }
            Kiosk kiosk = kiosks.save(new Kiosk(null, siteId, name, Tokens.hash(token), clock.instant(), null));
            audit.record(AuditAction.KIOSK_CREATED, siteId, Target.kiosk(kiosk.id()), null, name);
            return new NewKiosk(KioskView.of(kiosk), token);
        });
    }

    public NewKiosk renewKioskToken(long kioskId) {
        return tx.run(() -> {
            Kiosk kiosk = kiosks.findById(kioskId).orElseThrow(() -> SuojaException.notFound("The kiosk"));
            String token = Tokens.newToken(Tokens.KIOSK_PREFIX);
            audit.record(AuditAction.KIOSK_TOKEN_RENEWED, kiosk.siteId(), Target.kiosk(kioskId), null, kiosk.name());
            return new NewKiosk(KioskView.of(kiosks.update(kiosk.withTokenHash(Tokens.hash(token)))), token);
        });
    }

    public KioskView revokeKiosk(long kioskId) {
        return tx.run(() -> {
            Kiosk kiosk = kiosks.findById(kioskId).orElseThrow(() -> SuojaException.notFound("The kiosk"));
            if (kiosk.revoked()) {
                return KioskView.of(kiosk);
            }
            audit.record(AuditAction.KIOSK_SWITCHED_OFF, kiosk.siteId(), Target.kiosk(kioskId), null, kiosk.name());
            return KioskView.of(kiosks.update(kiosk.revoke(clock.instant())));
        });
    }

    public List<KioskView> listKiosks() {
        return tx.run(() -> kiosks.findAllOrderById().stream().map(KioskView::of).toList());
    }

    public Optional<KioskView> kiosk(long kioskId) {
        return tx.run(() -> kiosks.findById(kioskId).map(KioskView::of));
    }

    public int deleteExpiredSessions() {
        return tx.run(() -> sessions.deleteExpired(clock.instant()));
    }
}
