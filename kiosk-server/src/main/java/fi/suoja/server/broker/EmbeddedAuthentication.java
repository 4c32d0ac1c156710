package fi.suoja.server.broker;

import com.hivemq.extension.sdk.api.ExtensionMain;
import com.hivemq.extension.sdk.api.async.Async;
import com.hivemq.extension.sdk.api.async.TimeoutFallback;
import com.hivemq.extension.sdk.api.auth.SimpleAuthenticator;
import com.hivemq.extension.sdk.api.auth.parameter.SimpleAuthInput;
import com.hivemq.extension.sdk.api.auth.parameter.SimpleAuthOutput;
import com.hivemq.extension.sdk.api.auth.parameter.TopicPermission;
import com.hivemq.extension.sdk.api.packets.auth.DefaultAuthorizationBehaviour;
import com.hivemq.extension.sdk.api.packets.auth.ModifiableDefaultPermissions;
import com.hivemq.extension.sdk.api.packets.connect.ConnackReasonCode;
import com.hivemq.extension.sdk.api.packets.connect.ConnectPacket;
import com.hivemq.extension.sdk.api.parameter.ExtensionStartInput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStartOutput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStopInput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStopOutput;
import com.hivemq.extension.sdk.api.services.Services;
import com.hivemq.extension.sdk.api.services.builder.Builders;
import com.hivemq.embedded.EmbeddedExtension;
import fi.suoja.hardware.mqtt.DeviceId;
import fi.suoja.hardware.mqtt.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Accounts and topic rights for the embedded HiveMQ, as an extension registered in the process:
 * the server's own account may do anything; a laptop logs in with the broker account its
 * registration made (checked against the stored Mosquitto hash), with its device id as client id
 * (so no account can knock another device off), and may publish only its own status and events
 * and subscribe only to its own commands (no wildcards, no shared subscriptions). Anyone else is
 * refused at CONNECT. The same rules as the Mosquitto ACL the server writes.
 */
final class EmbeddedAuthentication implements SimpleAuthenticator {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedAuthentication.class);

    /** The server's own account on the embedded broker. */
    record ServerAccount(String username, String password) {
    }

    private final ServerAccount server;
    private final Topics topics;
    private final Supplier<BrokerAccounts> devices;

    EmbeddedAuthentication(ServerAccount server, Topics topics, Supplier<BrokerAccounts> devices) {
        this.server = server;
        this.topics = topics;
        this.devices = devices;
    }

    /** The extension that registers this authenticator when the broker starts. */
    EmbeddedExtension extension() {
        SimpleAuthenticator authenticator = this;
        return EmbeddedExtension.builder()
                .withId("suoja-accounts")
                .withName("Suoja broker accounts")
                .withVersion("1")
                .withPriority(1000)
                .withExtensionMain(new ExtensionMain() {
                    @Override
                    public void extensionStart(ExtensionStartInput input, ExtensionStartOutput output) {
                        Services.securityRegistry().setAuthenticatorProvider(providerInput -> authenticator);
                    }

                    @Override
                    public void extensionStop(ExtensionStopInput input, ExtensionStopOutput output) {
                        // Nothing to release.
                    }
                })
                .build();
    }

    @Override
    public void onConnect(SimpleAuthInput input, SimpleAuthOutput output) {
        ConnectPacket connect = input.getConnectPacket();
        Optional<String> username = connect.getUserName();
        Optional<String> password = connect.getPassword().map(EmbeddedAuthentication::text);
        String clientId = connect.getClientId();
        if (username.isEmpty() || password.isEmpty()) {
            LOG.warn("Embedded broker: refused client {} without a user name and password", clientId);
            output.failAuthentication(ConnackReasonCode.NOT_AUTHORIZED, "This broker takes only Suoja's accounts.");
            return;
        }
        if (username.get().equals(server.username())) {
            if (MessageDigest.isEqual(password.get().getBytes(StandardCharsets.UTF_8),
                    server.password().getBytes(StandardCharsets.UTF_8))) {
                ModifiableDefaultPermissions permissions = output.getDefaultPermissions();
                permissions.add(permission("#", TopicPermission.MqttActivity.ALL, TopicPermission.SharedSubscription.ALL));
                permissions.setDefaultBehaviour(DefaultAuthorizationBehaviour.DENY);
                output.authenticateSuccessfully();
            } else {
                refuse(output, username.get(), clientId);
            }
            return;
        }
        // A device account needs the database, which must not block the broker's network threads.
        Async<SimpleAuthOutput> async = output.async(Duration.ofSeconds(10), TimeoutFallback.FAILURE);
        Services.extensionExecutorService().submit(() -> {
            try {
                authenticateDevice(output, username.get(), password.get(), clientId);
            } catch (RuntimeException e) {
                LOG.error("Embedded broker: checking the account {} failed", username.get(), e);
                output.failAuthentication(ConnackReasonCode.NOT_AUTHORIZED, "The account could not be checked.");
            } finally {
                async.resume();
            }
        });
    }

    private void authenticateDevice(SimpleAuthOutput output, String username, String password, String clientId) {
        Optional<String> device = devices.get().device(username, password);
        if (device.isEmpty()) {
            refuse(output, username, clientId);
            return;
        }
        if (!device.get().equals(clientId)) {
            LOG.warn("Embedded broker: refused device {} connecting as client {}", device.get(), clientId);
            output.failAuthentication(ConnackReasonCode.CLIENT_IDENTIFIER_NOT_VALID,
                    "A device connects with its device id as client id.");
            return;
        }
        DeviceId id = new DeviceId(device.get());
        ModifiableDefaultPermissions permissions = output.getDefaultPermissions();
        permissions.add(permission(topics.status(id), TopicPermission.MqttActivity.PUBLISH, TopicPermission.SharedSubscription.NOT_SHARED));
        permissions.add(permission(topics.events(id), TopicPermission.MqttActivity.PUBLISH, TopicPermission.SharedSubscription.NOT_SHARED));
        permissions.add(permission(topics.commands(id), TopicPermission.MqttActivity.SUBSCRIBE, TopicPermission.SharedSubscription.NOT_SHARED));
        permissions.setDefaultBehaviour(DefaultAuthorizationBehaviour.DENY);
        output.authenticateSuccessfully();
    }

    private static void refuse(SimpleAuthOutput output, String username, String clientId) {
        LOG.warn("Embedded broker: refused client {}: wrong user name or password for {}", clientId, username);
        output.failAuthentication(ConnackReasonCode.BAD_USER_NAME_OR_PASSWORD, "Wrong user name or password.");
    }

    private static TopicPermission permission(String filter, TopicPermission.MqttActivity activity,
                                              TopicPermission.SharedSubscription shared) {
        return Builders.topicPermission()
                .topicFilter(filter)
                .type(TopicPermission.PermissionType.ALLOW)
                .activity(activity)
                .sharedSubscription(shared)
                .build();
    }

    private static String text(ByteBuffer bytes) {
        ByteBuffer copy = bytes.asReadOnlyBuffer();
        byte[] raw = new byte[copy.remaining()];
        copy.get(raw);
        return new String(raw, StandardCharsets.UTF_8);
    }
}
