package fi.suoja.server.db;

import io.micronaut.context.ApplicationContext;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DurableH2UrlTest {

    @TempDir
    Path dir;

    @Test
    void a_file_url_without_the_setting_gets_write_delay_zero() {
        DurableH2Url durable = DurableH2Url.of("jdbc:h2:file:./data/suoja;DATABASE_TO_LOWER=TRUE;LOCK_TIMEOUT=10000");
        assertThat(durable.url()).isEqualTo("jdbc:h2:file:./data/suoja;DATABASE_TO_LOWER=TRUE;LOCK_TIMEOUT=10000;WRITE_DELAY=0");
        assertThat(durable.change()).contains("WRITE_DELAY=0 added");
    }

    @Test
    void an_operators_own_delay_is_replaced_and_said_so() {
        DurableH2Url durable = DurableH2Url.of("jdbc:h2:/srv/suoja/db;write_delay=500;LOCK_TIMEOUT=10000");
        assertThat(durable.url()).isEqualTo("jdbc:h2:/srv/suoja/db;LOCK_TIMEOUT=10000;WRITE_DELAY=0");
        assertThat(durable.change()).contains("WRITE_DELAY=500 replaced");
    }

    @Test
    void implicit_and_home_relative_file_urls_count_as_files() {
        assertThat(DurableH2Url.of("jdbc:h2:~/suoja").url()).isEqualTo("jdbc:h2:~/suoja;WRITE_DELAY=0");
        assertThat(DurableH2Url.of("jdbc:h2:./data/suoja;").url()).isEqualTo("jdbc:h2:./data/suoja;WRITE_DELAY=0");
    }

    @Test
    void a_url_that_already_says_zero_is_left_alone() {
        String url = "jdbc:h2:file:/x/suoja;WRITE_DELAY=0;LOCK_TIMEOUT=10000";
        assertThat(DurableH2Url.of(url)).isEqualTo(new DurableH2Url(url, null));
    }

    @Test
    void memory_remote_and_other_databases_are_left_alone() {
        for (String url : new String[] {
                "jdbc:h2:mem:suoja;DB_CLOSE_DELAY=-1",
                "jdbc:h2:tcp://db.example/suoja",
                "jdbc:h2:ssl://db.example/suoja",
                "jdbc:h2:zip:/x/suoja.zip!/suoja",
                "jdbc:postgresql://127.0.0.1:5432/test",
                null}) {
            assertThat(DurableH2Url.of(url).changed()).as(url).isFalse();
            assertThat(DurableH2Url.of(url).url()).isEqualTo(url);
        }
    }

    @Test
    void the_server_opens_its_h2_file_with_write_delay_zero_whatever_its_configuration_says() throws Exception {
        try (ApplicationContext context = ApplicationContext.run(Map.of(
                "datasources.default.url", "jdbc:h2:file:" + dir.resolve("suoja") + ";DATABASE_TO_LOWER=TRUE;WRITE_DELAY=500"), "test");
             Connection c = DelegatingDataSource.unwrapDataSource(context.getBean(DataSource.class)).getConnection();
             Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT setting_value FROM information_schema.settings WHERE setting_name = 'WRITE_DELAY'")) {
            assertThat(r.next()).isTrue();
            assertThat(r.getString(1)).isEqualTo("0");
        }
    }
}
