-- The loan devices of the fleet. The id is the device's MQTT id (a topic level); the tag is
-- what staff scan. For devices with an agent (laptops) the command-signing key is stored
-- encrypted with a server key (never shown again after provisioning) and only a Mosquitto hash
-- of the broker password is kept. Connectivity (online, session, battery...) is kept beside the
-- lifecycle state, which only the server's state machine changes.
CREATE TABLE device (
    id                    VARCHAR(40)  NOT NULL PRIMARY KEY,
    tag                   VARCHAR(40)  NOT NULL UNIQUE,
    kind                  VARCHAR(16)  NOT NULL,
    site_id               BIGINT       NOT NULL REFERENCES site (id),
    state                 VARCHAR(16)  NOT NULL,
    state_reason          VARCHAR(500),
    state_changed_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    key_cipher            VARCHAR(200),
    broker_username       VARCHAR(60)  UNIQUE,
    broker_password_hash  VARCHAR(300),
    online                BOOLEAN      NOT NULL,
    session_counter       BIGINT       NOT NULL,
    last_seen_at          TIMESTAMP WITH TIME ZONE,
    battery_percent       INT,
    free_disk_bytes       BIGINT,
    agent_version         VARCHAR(60),
    os                    VARCHAR(100),
    agent_state           VARCHAR(16),
    created_at            TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX device_site_state ON device (site_id, state);
