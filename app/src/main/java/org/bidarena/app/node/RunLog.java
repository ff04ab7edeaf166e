package org.bidarena.app.node;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.FileAppender;
import java.nio.file.Files;
import org.bidarena.analysis.run.RunFolder;
import org.bidarena.app.fatal.FatalErrors;
import org.slf4j.LoggerFactory;

/** A run's log file, DIR/run.log, attached to the root logger while the run's node is up. */
public final class RunLog {
  private RunLog() {}

  /** Sends the run's log to DIR/run.log; the terminal only shows warnings. */
  public static FileAppender<ILoggingEvent> attach(RunFolder folder) throws Exception {
    Files.createDirectories(folder.dir());
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    PatternLayoutEncoder encoder = new PatternLayoutEncoder();
    encoder.setContext(context);
    encoder.setPattern("%d{HH:mm:ss.SSS} %-5level %logger{36} - %msg%n");
    encoder.start();
    FileAppender<ILoggingEvent> file = new FileAppender<>();
    file.setContext(context);
    file.setName("run-log");
    file.setFile(folder.logFile().toString());
    file.setEncoder(encoder);
    file.start();
    context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).addAppender(file);
    FatalErrors.runLogOpened(folder.logFile());
    return file;
  }

  public static void detach(FileAppender<ILoggingEvent> file) {
    FatalErrors.runLogClosed();
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).detachAppender(file);
    file.stop();
  }
}
