package org.bidarena.agents.campaign;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Clicks and conversions per ZIP (region), and the interest signals of each ZIP's converters. */
final class ZipEvidenceBook {
  private final long[] clicks;
  private final long[] conversions;
  /** [region][signal]: converters of the region who showed the signal. */
  private final long[][] signals;

  ZipEvidenceBook(int regions, int interests) {
    clicks = new long[regions];
    conversions = new long[regions];
    signals = new long[regions][interests];
  }

  void click(int region) {
    if (region < clicks.length) {
      clicks[region]++;
    }
  }

  void conversion(int region, int interests) {
    if (region >= conversions.length) {
      return;
    }
    // a purchase attributed to a click: the click already counted it, so the rate stays <= 1
    conversions[region] = Math.min(clicks[region], conversions[region] + 1);
    for (int s = 0; s < signals[region].length; s++) {
      if ((interests & (1 << s)) != 0) {
        signals[region][s]++;
      }
    }
  }

  List<AudienceDiscovery.ZipEvidence> evidence(List<String> regionCodes, List<String> interestNames) {
    List<AudienceDiscovery.ZipEvidence> out = new ArrayList<>();
    for (int r = 0; r < clicks.length; r++) {
      Map<String, Long> shown = new TreeMap<>();
      for (int s = 0; s < signals[r].length; s++) {
        if (signals[r][s] > 0) {
          shown.put(interestNames.get(s), signals[r][s]);
        }
      }
      out.add(new AudienceDiscovery.ZipEvidence(Integer.parseInt(regionCodes.get(r)), clicks[r], conversions[r], shown));
    }
    return out;
  }

  void write(StateBuffer out) {
    out.longs(clicks).longs(conversions);
    for (long[] s : signals) {
      out.longs(s);
    }
  }

  void read(StateBuffer in) {
    write(in);
  }
}
