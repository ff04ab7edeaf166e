package org.bidarena.openrtb.model;

import java.util.List;

/** OpenRTB 2.6 section 4.2.1, object BidResponse. Field names and types follow the specification's table. */
public final class BidResponse extends OpenRtbObject {
  public String id;
  public List<SeatBid> seatbid;
  public String bidid;
  public String cur;
  public String customdata;
  public Integer nbr;
}
