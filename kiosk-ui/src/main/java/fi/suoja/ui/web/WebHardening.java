package fi.suoja.ui.web;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.SessionCookieConfig;
import jakarta.servlet.annotation.WebListener;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Set while the web application starts, before the server takes its first request: the session
 * cookie (the staff desk's login lives in the Vaadin session) is out of reach of scripts and of
 * other sites' requests, and the server does not announce its name and version.
 */
@WebListener
public class WebHardening implements ServletContextListener {

    private static final Logger LOG = LoggerFactory.getLogger(WebHardening.class);

    @Override
    public void contextInitialized(ServletContextEvent event) {
        SessionCookieConfig cookie = event.getServletContext().getSessionCookieConfig();
        cookie.setHttpOnly(true);
        // Strict: no other site can make a browser send the desk's session, not even by a link.
        cookie.setAttribute("SameSite", "Strict");
        // Secure is added by Jetty to a cookie set over HTTPS; a kiosk on http://localhost keeps working.
        ServletContextHandler handler = ServletContextHandler.getServletContextHandler(event.getServletContext());
        if (handler == null || handler.getServer() == null) {
            LOG.warn("Not running in Jetty: the Server header cannot be switched off here");
            return;
        }
        for (Connector connector : handler.getServer().getConnectors()) {
            HttpConnectionFactory http = connector.getConnectionFactory(HttpConnectionFactory.class);
            if (http != null) {
                http.getHttpConfiguration().setSendServerVersion(false);
                http.getHttpConfiguration().setSendXPoweredBy(false);
            }
        }
    }
}
