package org.bidarena.openrtb;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.bidarena.openrtb.model.Audio;
import org.bidarena.openrtb.model.Bid;
import org.bidarena.openrtb.model.BidRequest;
import org.bidarena.openrtb.model.BidResponse;
import org.bidarena.openrtb.model.Deal;
import org.bidarena.openrtb.model.Eid;
import org.bidarena.openrtb.model.Imp;
import org.bidarena.openrtb.model.Metric;
import org.bidarena.openrtb.model.SeatBid;
import org.bidarena.openrtb.model.Source;
import org.bidarena.openrtb.model.SupplyChainNode;
import org.bidarena.openrtb.model.User;
import org.bidarena.openrtb.model.Video;

/**
 * The fields OpenRTB 2.6 marks "required", and the few rules between fields that a bidder or an exchange
 * cannot work without (unique impression ids, one of site/app/dooh, a media object per impression).
 * Each problem is one line naming the field by its JSON path.
 */
public final class OpenRtbValidator {
  private OpenRtbValidator() {}

  public static List<String> problems(BidRequest r) {
    List<String> p = new ArrayList<>();
    require(p, r.id, "BidRequest.id");
    if (r.imp == null || r.imp.isEmpty()) {
      p.add("BidRequest.imp is required and must hold at least one Imp");
    } else {
      Set<String> ids = new HashSet<>();
      for (int i = 0; i < r.imp.size(); i++) {
        Imp imp = r.imp.get(i);
        String at = "BidRequest.imp[" + i + "]";
        if (imp == null) {
          p.add(at + " is null");
          continue;
        }
        require(p, imp.id, at + ".id");
        if (imp.id != null && !ids.add(imp.id)) {
          p.add(at + ".id \"" + imp.id + "\" repeats an earlier impression id");
        }
        imp(p, imp, at);
      }
    }
    int media = (r.site != null ? 1 : 0) + (r.app != null ? 1 : 0) + (r.dooh != null ? 1 : 0);
    if (media > 1) {
      p.add("BidRequest: at most one of site, app and dooh may be present");
    }
    if (r.at != null && r.at < 1) {
      p.add("BidRequest.at is " + r.at + "; allowed: 1 (first price), 2 (second price plus) or an exchange value > 500");
    }
    if (r.tmax != null && r.tmax < 0) {
      p.add("BidRequest.tmax is " + r.tmax + "; it must be a positive number of milliseconds");
    }
    source(p, r.source);
    user(p, r.user);
    return p;
  }

  public static List<String> problems(BidResponse r) {
    List<String> p = new ArrayList<>();
    require(p, r.id, "BidResponse.id");
    if (r.seatbid != null) {
      for (int s = 0; s < r.seatbid.size(); s++) {
        SeatBid seat = r.seatbid.get(s);
        String at = "BidResponse.seatbid[" + s + "]";
        if (seat == null || seat.bid == null || seat.bid.isEmpty()) {
          p.add(at + ".bid is required and must hold at least one Bid");
          continue;
        }
        for (int b = 0; b < seat.bid.size(); b++) {
          Bid bid = seat.bid.get(b);
          String bat = at + ".bid[" + b + "]";
          if (bid == null) {
            p.add(bat + " is null");
            continue;
          }
          require(p, bid.id, bat + ".id");
          require(p, bid.impid, bat + ".impid");
          if (bid.price == null) {
            p.add(bat + ".price is required");
          } else if (!Double.isFinite(bid.price) || bid.price < 0) {
            p.add(bat + ".price is " + bid.price + "; it must be a finite CPM of 0 or more");
          }
        }
      }
    }
    return p;
  }

  public static void requireValid(BidRequest r) {
    fail(problems(r));
  }

  public static void requireValid(BidResponse r) {
    fail(problems(r));
  }

  private static void fail(List<String> problems) {
    if (!problems.isEmpty()) {
      throw new OpenRtbException(String.join("; ", problems));
    }
  }

  private static void imp(List<String> p, Imp imp, String at) {
    if (imp.banner == null && imp.video == null && imp.audio == null && imp.nativeAd == null) {
      p.add(at + " offers no media: one of banner, video, audio or native is required");
    }
    if (imp.bidfloor != null && (!Double.isFinite(imp.bidfloor) || imp.bidfloor < 0)) {
      p.add(at + ".bidfloor is " + imp.bidfloor + "; it must be a CPM of 0 or more");
    }
    if (imp.metric != null) {
      for (int m = 0; m < imp.metric.size(); m++) {
        Metric metric = imp.metric.get(m);
        require(p, metric.type, at + ".metric[" + m + "].type");
        if (metric.value == null) {
          p.add(at + ".metric[" + m + "].value is required");
        }
      }
    }
    Video v = imp.video;
    if (v != null && (v.mimes == null || v.mimes.isEmpty())) {
      p.add(at + ".video.mimes is required");
    }
    Audio a = imp.audio;
    if (a != null && (a.mimes == null || a.mimes.isEmpty())) {
      p.add(at + ".audio.mimes is required");
    }
    if (imp.nativeAd != null) {
      require(p, imp.nativeAd.request, at + ".native.request");
    }
    if (imp.pmp != null && imp.pmp.deals != null) {
      for (int d = 0; d < imp.pmp.deals.size(); d++) {
        Deal deal = imp.pmp.deals.get(d);
        require(p, deal.id, at + ".pmp.deals[" + d + "].id");
      }
    }
  }

  private static void source(List<String> p, Source source) {
    if (source == null || source.schain == null) {
      return;
    }
    String at = "BidRequest.source.schain";
    if (source.schain.complete == null) {
      p.add(at + ".complete is required");
    }
    require(p, source.schain.ver, at + ".ver");
    if (source.schain.nodes == null) {
      p.add(at + ".nodes is required");
      return;
    }
    for (int n = 0; n < source.schain.nodes.size(); n++) {
      SupplyChainNode node = source.schain.nodes.get(n);
      require(p, node.asi, at + ".nodes[" + n + "].asi");
      require(p, node.sid, at + ".nodes[" + n + "].sid");
    }
  }

  private static void user(List<String> p, User user) {
    if (user == null || user.eids == null) {
      return;
    }
    for (int e = 0; e < user.eids.size(); e++) {
      Eid eid = user.eids.get(e);
      require(p, eid.source, "BidRequest.user.eids[" + e + "].source");
    }
  }

  private static void require(List<String> p, String value, String field) {
    if (value == null || value.isEmpty()) {
      p.add(field + " is required");
    }
  }
}
