package dev.kaimono.gateway;

import java.util.List;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.slf4j.LoggerFactory;

/**
 * Keeps the log events (INFO and above) of one class for assertions instead of printing them, for tests whose subject logs
 * on purpose. {@link #close()} puts the logger back.
 */
public final class CapturedLog implements AutoCloseable {

    private final Logger logger;
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private final Level previousLevel;

    private CapturedLog(String source) {
        this.logger = (Logger) LoggerFactory.getLogger(source);
        this.previousLevel = logger.getLevel();
        appender.start();
        logger.addAppender(appender);
        logger.setAdditive(false);
        logger.setLevel(Level.INFO);
    }

    public static CapturedLog of(Class<?> source) {
        return new CapturedLog(source.getName());
    }

    /** For a class this package cannot see, by its logger's name. */
    public static CapturedLog of(String loggerName) {
        return new CapturedLog(loggerName);
    }

    /** Each captured event as {@code LEVEL message}. */
    public List<String> events() {
        return appender.list.stream().map(event -> event.getLevel() + " " + event.getFormattedMessage()).toList();
    }

    @Override
    public void close() {
        logger.detachAppender(appender);
        logger.setAdditive(true);
        logger.setLevel(previousLevel);
    }
}
