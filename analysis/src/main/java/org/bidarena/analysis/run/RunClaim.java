package org.bidarena.analysis.run;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.bidarena.analysis.BadInput;

/**
 * A run folder claimed by this process: an OS lock on {@code DIR/run.lock}, held while the run (or resume)
 * lasts and released by the OS when the process dies, even by kill -9. Two commands on one folder can no
 * longer both pass the "is it free?" check: the second cannot take the lock, and the first checks the
 * folder again once it holds it.
 */
public final class RunClaim implements AutoCloseable {
  public static final String LOCK_FILE = "run.lock";

  private final FileChannel channel;
  private final FileLock lock;

  private RunClaim(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /** Creates {@code dir} when missing and claims it; bad input when it cannot be made or another process holds it. */
  public static RunClaim take(Path dir) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new BadInput("cannot make the run folder " + dir + ": " + reason(e) + "; give a folder you can write");
    }
    FileChannel channel;
    try {
      channel = FileChannel.open(dir.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    } catch (IOException e) {
      throw new BadInput("cannot write in the run folder " + dir + ": " + reason(e) + "; give a folder you can write");
    }
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null; // held by this same JVM
    } catch (IOException e) {
      closeQuietly(channel);
      throw new BadInput("cannot lock " + dir.resolve(LOCK_FILE) + ": " + reason(e));
    }
    if (lock == null) {
      closeQuietly(channel);
      throw new BadInput(dir + " is in use by another bidarena process (it holds " + LOCK_FILE
          + "); wait for it to end, or stop it first");
    }
    return new RunClaim(channel, lock);
  }

  /** One short reason for a file-system failure, without a stack trace. */
  public static String reason(IOException e) {
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof FileAlreadyExistsException f) {
      return (f.getFile() != null ? f.getFile() : "it") + " is a file, not a folder";
    }
    if (e instanceof FileSystemException f && f.getReason() != null) {
      return (f.getFile() != null ? f.getFile() + ": " : "") + f.getReason();
    }
    return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
  }

  private static void closeQuietly(FileChannel channel) {
    try {
      channel.close();
    } catch (IOException ignored) {
      // nothing was claimed
    }
  }

  @Override
  public void close() {
    try {
      lock.release();
    } catch (IOException ignored) {
      // the channel's close releases it too
    }
    closeQuietly(channel);
  }
}
