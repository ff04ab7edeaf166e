package org.bidarena.allocation;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bidarena.protos.AllocationDecidedProto;
import org.bidarena.protos.AllocationStartedProto;

/**
 * The journal of {@code bidarena allocate}: {@code allocations.journal}, length-delimited protobuf records, an
 * {@link AllocationStartedProto} first (what runs and how), then one {@link AllocationDecidedProto} per
 * allocator, seed and day, appended as the day ends. A replay re-runs the journaled settings and checks every
 * re-run day against its record byte for byte. This class is the one converter between records and protobuf.
 */
public final class AllocationJournal implements Closeable {
  public static final String FILE = "allocations.journal";

  /** A journal read back: its first record and every day's. */
  public record Recorded(AllocationStartedProto started, List<AllocationDecidedProto> days) {}

  private final OutputStream out;

  private AllocationJournal(OutputStream out) {
    this.out = out;
  }

  /** Creates {@code dir/allocations.journal} (it must not exist) and writes the first record. */
  public static AllocationJournal create(Path dir, AllocationStartedProto started) throws IOException {
    Files.createDirectories(dir);
    AllocationJournal j = new AllocationJournal(new BufferedOutputStream(Files.newOutputStream(dir.resolve(FILE),
        java.nio.file.StandardOpenOption.CREATE_NEW, java.nio.file.StandardOpenOption.WRITE)));
    started.writeDelimitedTo(j.out);
    return j;
  }

  public void append(String allocator, long seed, DayRecord r) throws IOException {
    event(allocator, seed, r).writeDelimitedTo(out);
  }

  @Override
  public void close() throws IOException {
    out.close();
  }

  /** The event of one day. */
  public static AllocationDecidedProto event(String allocator, long seed, DayRecord r) {
    AllocationDecidedProto.Builder b = AllocationDecidedProto.newBuilder().setAllocator(allocator).setSeed(seed)
        .setDay(r.day()).setSplitValueMicros(r.expectedProfit()).setOptimalValueMicros(r.optimalProfit());
    for (int i = 0; i < r.shares().length; i++) {
      Outcome o = r.outcomes()[i];
      b.addShares(r.shares()[i]).addBudgetMicros(r.budgets()[i]).addScores(r.scores()[i]).addDetails(r.details()[i])
          .addClicks(o.clicks()).addConversions(o.conversions()).addRevenueMicros(o.revenueMicros())
          .addOptimalBudgetMicros(r.optimalBudgets()[i]);
    }
    return b.build();
  }

  /** The day an event records. */
  public static DayRecord record(AllocationDecidedProto e) {
    int n = e.getSharesCount();
    double[] shares = new double[n];
    long[] budgets = new long[n];
    double[] scores = new double[n];
    String[] details = new String[n];
    Outcome[] outcomes = new Outcome[n];
    long[] optimal = new long[n];
    for (int i = 0; i < n; i++) {
      shares[i] = e.getShares(i);
      budgets[i] = e.getBudgetMicros(i);
      scores[i] = e.getScores(i);
      details[i] = e.getDetails(i);
      outcomes[i] = new Outcome(budgets[i], e.getClicks(i), e.getConversions(i), e.getRevenueMicros(i));
      optimal[i] = e.getOptimalBudgetMicros(i);
    }
    return new DayRecord(e.getDay(), shares, budgets, scores, details, outcomes, e.getSplitValueMicros(), optimal,
        e.getOptimalValueMicros());
  }

  /**
   * Reads {@code dir/allocations.journal}.
   *
   * @throws IllegalArgumentException one line when it is missing or unreadable
   */
  public static Recorded read(Path dir) {
    Path file = dir.resolve(FILE);
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException(dir + " holds no " + FILE + " (an allocate --out folder has one)");
    }
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
      AllocationStartedProto started = AllocationStartedProto.parseDelimitedFrom(in);
      if (started == null) {
        throw new IllegalArgumentException(file + " is empty");
      }
      List<AllocationDecidedProto> days = new ArrayList<>();
      AllocationDecidedProto e;
      while ((e = AllocationDecidedProto.parseDelimitedFrom(in)) != null) {
        days.add(e);
      }
      return new Recorded(started, days);
    } catch (IOException ex) {
      throw new IllegalArgumentException(file + " cannot be read: " + ex.getMessage());
    }
  }
}
