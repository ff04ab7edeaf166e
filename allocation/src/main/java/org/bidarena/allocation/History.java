package org.bidarena.allocation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.bidarena.core.scenario.Money;

/**
 * Past days of the channels, read from CSV ({@code day,segment_key,clicks,conv,spent}, a header line first),
 * used as priors. Day numbers only order the rows (the last one is the day before the run); a channel absent
 * on a day spent nothing. A malformed row is refused with its line number.
 */
public final class History {
  public static final String HEADER = "day,segment_key,clicks,conv,spent";

  /** One past day, per channel in the order of the channels. */
  public record Day(long day, long[] clicks, long[] conversions, long[] spentMicros) {}

  private final List<Day> days;

  private History(List<Day> days) {
    this.days = List.copyOf(days);
  }

  public static History empty() {
    return new History(List.of());
  }

  public List<Day> days() {
    return days;
  }

  /** The last {@code k} days, oldest first. */
  public List<Day> lastDays(int k) {
    return days.subList(Math.max(0, days.size() - k), days.size());
  }

  /**
   * Reads a history file for these channels.
   *
   * @throws IllegalArgumentException one line naming the file, the line and what is wrong
   */
  public static History read(Path file, List<ChannelSpec> channels) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalArgumentException("history " + file + " cannot be read: " + e.getMessage());
    }
    return parse(file.toString(), lines, channels);
  }

  /** Parses the lines of a history file; {@code name} names it in errors. */
  public static History parse(String name, List<String> lines, List<ChannelSpec> channels) {
    List<String> ids = channels.stream().map(ChannelSpec::id).toList();
    if (lines.isEmpty() || !lines.get(0).trim().equals(HEADER)) {
      throw new IllegalArgumentException("history " + name + " line 1: the header must be '" + HEADER + "'");
    }
    Map<Long, Day> byDay = new TreeMap<>();
    Set<String> seen = new HashSet<>();
    for (int ln = 1; ln < lines.size(); ln++) {
      String line = lines.get(ln).trim();
      if (line.isEmpty()) {
        continue;
      }
      String at = "history " + name + " line " + (ln + 1) + ": ";
      String[] f = line.split(",", -1);
      if (f.length != 5) {
        throw new IllegalArgumentException(at + "needs 5 fields (" + HEADER + "), found " + f.length);
      }
      long day = integer(at, "day", f[0], Long.MIN_VALUE / 2);
      String key = f[1].trim();
      int c = ids.indexOf(key);
      if (c < 0) {
        throw new IllegalArgumentException(at + "segment_key '" + key + "' is not a channel; allowed: "
            + String.join(", ", ids));
      }
      if (!seen.add(day + "/" + key)) {
        throw new IllegalArgumentException(at + "a second row for day " + day + " and " + key);
      }
      long clicks = integer(at, "clicks", f[2], 0);
      long conv = integer(at, "conv", f[3], 0);
      if (conv > clicks) {
        throw new IllegalArgumentException(at + "conv " + conv + " is more than clicks " + clicks);
      }
      long spent;
      try {
        spent = Money.parseMicros(f[4].trim());
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(at + "spent: " + e.getMessage() + "; give a decimal amount such as 250.00");
      }
      if (spent < 0) {
        throw new IllegalArgumentException(at + "spent must be 0 or more, got " + f[4].trim());
      }
      int n = channels.size();
      Day d = byDay.computeIfAbsent(day, k -> new Day(k, new long[n], new long[n], new long[n]));
      d.clicks()[c] = clicks;
      d.conversions()[c] = conv;
      d.spentMicros()[c] = spent;
    }
    return new History(new ArrayList<>(byDay.values()));
  }

  private static long integer(String at, String field, String text, long min) {
    long v;
    try {
      v = Long.parseLong(text.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(at + field + " must be a whole number, got '" + text.trim() + "'");
    }
    if (v < min) {
      throw new IllegalArgumentException(at + field + " must be 0 or more, got " + v);
    }
    return v;
  }
}
