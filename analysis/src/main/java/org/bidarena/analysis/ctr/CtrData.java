package org.bidarena.analysis.ctr;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.bidarena.agents.ctr.RunFeatures;
import org.bidarena.analysis.BadInput;
import org.bidarena.analysis.journal.RecordedRun;
import org.bidarena.learning.ctr.FeatureLayout;
import org.bidarena.learning.ctr.data.AvazuReader;
import org.bidarena.learning.ctr.data.CriteoReader;
import org.bidarena.learning.ctr.data.ExampleReader;
import org.bidarena.learning.ctr.data.MalformedLineException;

/**
 * A data set for the CTR commands: how to open it (again, for each epoch), its layout name and fields, and
 * its days. A malformed line or an unreadable file becomes {@link BadInput}.
 */
public final class CtrData {
  /** The formats {@code --format} takes. */
  public enum Format { AVAZU, CRITEO, RUN }

  private final Format format;
  private final String layoutName;
  private final List<String> fields;
  private final Supplier<ExampleReader> opener;
  private final RunExamples run;

  private CtrData(Format format, String layoutName, List<String> fields, Supplier<ExampleReader> opener,
      RunExamples run) {
    this.format = format;
    this.layoutName = layoutName;
    this.fields = fields;
    this.opener = opener;
    this.run = run;
  }

  public static CtrData file(Format format, Path file, boolean skipBad) {
    if (!Files.isRegularFile(file)) {
      throw new BadInput("--data " + file + ": no such file");
    }
    return switch (format) {
      case AVAZU -> new CtrData(format, "avazu", AvazuReader.FIELDS, () -> checked(() -> new AvazuReader(file, skipBad)),
          null);
      case CRITEO -> new CtrData(format, "criteo", CriteoReader.FIELDS,
          () -> checked(() -> new CriteoReader(file, skipBad)), null);
      case RUN -> throw new IllegalArgumentException("a run is read with CtrData.run");
    };
  }

  /** A recorded run's impressions, replayed to find their true click probabilities (see {@link RunExamples}). */
  public static CtrData run(RecordedRun recorded) {
    RunExamples examples = RunExamples.replay(recorded.scenario(), recorded.auctions(), recorded.outcomes());
    return new CtrData(Format.RUN, RunFeatures.layoutName(recorded.scenario().customers().features()),
        RunFeatures.FIELDS, () -> new RunExampleReader(recorded.scenario(), examples.columns()), examples);
  }

  public Format format() {
    return format;
  }

  /** The run's replayed examples, for run data; null otherwise. */
  public RunExamples run() {
    return run;
  }

  public String layoutName() {
    return layoutName;
  }

  public List<String> fields() {
    return fields;
  }

  /** A new reader from the start; a malformed line it meets is bad input. */
  public ExampleReader open() {
    ExampleReader r = opener.get();
    return new CheckedReader(r);
  }

  /** The default crosses for this data: the run's agent crosses; none for the public logs. */
  public List<String> defaultCrosses() {
    return format == Format.RUN ? RunFeatures.DEFAULT_CROSSES : List.of();
  }

  public FeatureLayout layout(List<String> crosses, int hashBits) {
    try {
      return FeatureLayout.of(layoutName, fields, crosses, hashBits);
    } catch (IllegalArgumentException e) {
      throw new BadInput("--cross/--hash-bits: " + e.getMessage());
    }
  }

  /** Whether a model's layout reads this data: the same name and fields (crosses and size are the model's). */
  public boolean fits(FeatureLayout layout) {
    return layout.name().equals(layoutName) && layout.fields().equals(fields);
  }

  /** The distinct days of the data, ascending (one pass over a file); empty when it has none. */
  public TreeSet<Long> days() {
    TreeSet<Long> days = new TreeSet<>();
    try (ExampleReader r = open()) {
      while (r.next()) {
        if (r.day() >= 0) {
          days.add(r.day());
        }
      }
    }
    return days;
  }

  private static ExampleReader checked(Supplier<ExampleReader> open) {
    try {
      return open.get();
    } catch (MalformedLineException e) {
      throw new BadInput(e.getMessage());
    } catch (UncheckedIOException e) {
      throw new BadInput(e.getMessage());
    }
  }

  /** Turns a malformed line met while reading into bad input. */
  private static final class CheckedReader implements ExampleReader {
    private final ExampleReader r;

    CheckedReader(ExampleReader r) {
      this.r = r;
    }

    @Override
    public List<String> fields() {
      return r.fields();
    }

    @Override
    public boolean next() {
      try {
        return r.next();
      } catch (MalformedLineException | UncheckedIOException e) {
        r.close();
        throw new BadInput(e.getMessage() + " (--skip-bad skips and counts such lines)");
      }
    }

    @Override
    public String[] values() {
      return r.values();
    }

    @Override
    public int label() {
      return r.label();
    }

    @Override
    public long day() {
      return r.day();
    }

    @Override
    public double truth() {
      return r.truth();
    }

    @Override
    public long skipped() {
      return r.skipped();
    }

    @Override
    public double progress() {
      return r.progress();
    }

    @Override
    public void close() {
      r.close();
    }
  }
}
