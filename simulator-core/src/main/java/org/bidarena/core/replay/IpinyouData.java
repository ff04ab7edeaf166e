package org.bidarena.core.replay;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigSyntax;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One iPinYou campaign in the RLB paper's pre-processed form (see the data folder's README.md): the test
 * log {@code test.theta.txt}, the training statistics {@code info.json} and Lin's base bids
 * {@code lin-bid-b0.json}. Prices are fen CPM, 0..{@link #MAX_PRICE}.
 *
 * @param priceCounterTrain training histogram of market prices, index = price
 * @param b0ByC0 Lin's base bid per budget ratio c0
 */
public record IpinyouData(
    LoggedAuctions log, long impTrain, long clkTrain, long costTrain, long[] priceCounterTrain,
    Map<Double, Integer> b0ByC0) {
  public static final int MAX_PRICE = 300;
  public static final String LOG = "test.theta.txt";
  public static final String INFO = "info.json";
  public static final String LIN_B0 = "lin-bid-b0.json";

  /** Training click-through rate: Lin's theta_avg and RLB's value of an average impression. */
  public double thetaAvg() {
    return (double) clkTrain / impTrain;
  }

  /** Training cost per click in the log's unit: what Mcpc multiplies pCTR by. */
  public double cpcTrain() {
    return (double) costTrain / clkTrain;
  }

  /** The protocol's episode budget, B = floor(cost_train / imp_train * c0 * N), in the exact order stated. */
  public long budget(double c0, int episodeLength) {
    return (long) Math.floor((double) costTrain / impTrain * c0 * episodeLength);
  }

  /** Lin's base bid for c0, or null when lin-bid-b0.json has none. */
  public Integer b0(double c0) {
    return b0ByC0.get(c0);
  }

  public static IpinyouData load(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new BadLogException("data folder " + dir + " does not exist");
    }
    for (String name : List.of(LOG, INFO, LIN_B0)) {
      if (!Files.isRegularFile(dir.resolve(name))) {
        throw new BadLogException("data folder " + dir + " has no " + name);
      }
    }
    Config info = parseJson(dir.resolve(INFO));
    Config lin = parseJson(dir.resolve(LIN_B0));
    try {
      long imp = positive(info, "imp_train");
      long clk = positive(info, "clk_train");
      long cost = positive(info, "cost_train");
      List<Long> counter = info.getLongList("price_counter_train");
      if (counter.size() != MAX_PRICE + 1 || counter.stream().anyMatch(c -> c < 0)) {
        throw new BadLogException(dir.resolve(INFO) + ": price_counter_train must hold " + (MAX_PRICE + 1)
            + " counts >= 0 (prices 0.." + MAX_PRICE + "), got " + counter.size() + " entries");
      }
      Map<Double, Integer> b0 = new TreeMap<>();
      Config byC0 = lin.getConfig("b0_by_c0");
      for (Map.Entry<String, com.typesafe.config.ConfigValue> e : byC0.root().entrySet()) {
        b0.put(Double.parseDouble(e.getKey()), ((Number) e.getValue().unwrapped()).intValue());
      }
      return new IpinyouData(readLog(dir.resolve(LOG)), imp, clk, cost,
          counter.stream().mapToLong(Long::longValue).toArray(), Map.copyOf(b0));
    } catch (ConfigException | NumberFormatException | ClassCastException e) {
      throw new BadLogException(dir + ": " + e.getMessage());
    }
  }

  private static long positive(Config c, String key) {
    long v = c.getLong(key);
    if (v <= 0) {
      throw new BadLogException(INFO + ": " + key + " must be > 0, got " + v);
    }
    return v;
  }

  private static Config parseJson(Path file) {
    try {
      return ConfigFactory.parseFile(file.toFile(), ConfigParseOptions.defaults().setSyntax(ConfigSyntax.JSON)
          .setAllowMissing(false));
    } catch (ConfigException e) {
      throw new BadLogException(file + " is not valid JSON: " + e.getMessage());
    }
  }

  /** The UTF-8 byte order mark as ISO-8859-1 decodes it. */
  private static final String UTF8_BOM = "\u00ef\u00bb\u00bf";

  /**
   * Reads {@code click market_price pCTR} lines; a bad line is refused with its 1-based number. A UTF-8 byte
   * order mark is skipped and blank lines may end the file, but a blank line between auctions is refused:
   * dropping it would shift every later line number and episode.
   */
  public static LoggedAuctions readLog(Path file) {
    int[] price = new int[1 << 16];
    byte[] click = new byte[price.length];
    double[] pctr = new double[price.length];
    int n = 0;
    // Latin-1 never fails to decode, so a byte outside ASCII is reported with its line, not as "Input length = 1".
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
      String line;
      int lineNo = 0;
      int blank = 0;
      while ((line = in.readLine()) != null) {
        lineNo++;
        if (lineNo == 1 && line.startsWith(UTF8_BOM)) {
          line = line.substring(UTF8_BOM.length());
        }
        if (line.isBlank()) {
          blank = blank == 0 ? lineNo : blank;
          continue;
        }
        if (blank != 0) {
          throw new BadLogException(file + " line " + blank + ": a blank line between auctions; remove it (only the"
              + " end of the log may be blank)");
        }
        if (!line.chars().allMatch(ch -> ch < 0x80)) {
          throw new BadLogException(file + " line " + lineNo + ": not ASCII text; expected 'click market_price pCTR'");
        }
        if (n == price.length) {
          price = Arrays.copyOf(price, n * 2);
          click = Arrays.copyOf(click, n * 2);
          pctr = Arrays.copyOf(pctr, n * 2);
        }
        String[] f = line.trim().split("\\s+");
        try {
          if (f.length != 3) {
            throw new NumberFormatException("3 fields expected");
          }
          int c = Integer.parseInt(f[0]);
          int p = Integer.parseInt(f[1]);
          double t = Double.parseDouble(f[2]);
          if ((c != 0 && c != 1) || p < 0 || p > MAX_PRICE || !(t >= 0 && t <= 1)) {
            throw new NumberFormatException("out of range");
          }
          click[n] = (byte) c;
          price[n] = p;
          pctr[n] = t;
          n++;
        } catch (NumberFormatException e) {
          throw new BadLogException(file + " line " + lineNo + ": expected 'click market_price pCTR' with click 0 or 1,"
              + " market_price 0.." + MAX_PRICE + " and pCTR in [0, 1], got '" + abbreviate(line) + "'");
        }
      }
    } catch (IOException e) {
      throw new BadLogException("cannot read " + file + ": " + e.getMessage());
    }
    if (n == 0) {
      throw new BadLogException(file + " holds no auctions");
    }
    return new LoggedAuctions(0, Arrays.copyOf(price, n), Arrays.copyOf(click, n), Arrays.copyOf(pctr, n));
  }

  private static String abbreviate(String line) {
    return line.length() <= 60 ? line : line.substring(0, 60) + "...";
  }

  /** Rows [from, from + count) of a log as their own batch. */
  public static LoggedAuctions slice(LoggedAuctions log, int from, int count) {
    return new LoggedAuctions(log.firstRow() + from,
        Arrays.copyOfRange(log.marketPrice(), from, from + count),
        Arrays.copyOfRange(log.clicks(), from, from + count),
        Arrays.copyOfRange(log.pCtr(), from, from + count));
  }
}
