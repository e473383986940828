package org.partnerfinance.persistence.internal;

import org.eclipse.persistence.logging.AbstractSessionLog;
import org.eclipse.persistence.logging.SessionLog;
import org.eclipse.persistence.logging.SessionLogEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes EclipseLink's session log to SLF4J (pax-logging in Karaf), logger {@code org.eclipse.persistence.<category>}.
 * EclipseLink instantiates it by class name ({@code eclipselink.logging.logger}) through the unit's class loader.
 */
public final class Slf4jSessionLog extends AbstractSessionLog {

    @Override
    public void log(SessionLogEntry entry) {
        if (!shouldLog(entry.getLevel(), entry.getNameSpace())) {
            return;
        }
        String category = entry.getNameSpace() == null ? "" : "." + entry.getNameSpace();
        Logger logger = LoggerFactory.getLogger("org.eclipse.persistence" + category);
        String message = entry.hasMessage() ? formatMessage(entry) : "";
        Throwable error = entry.getException();
        if (error instanceof org.eclipse.persistence.exceptions.OptimisticLockException) {
            // an expected conflict between two users; Jpa.tx reports it to the caller as ConcurrentChangeException
            logger.debug(message, error);
            return;
        }
        switch (entry.getLevel()) {
            case SessionLog.SEVERE:
                logger.error(message, error);
                break;
            case SessionLog.WARNING:
                logger.warn(message, error);
                break;
            case SessionLog.INFO:
            case SessionLog.CONFIG:
                logger.info(message, error);
                break;
            case SessionLog.FINE:
                logger.debug(message, error);
                break;
            default:
                logger.trace(message, error);
                break;
        }
    }
}
