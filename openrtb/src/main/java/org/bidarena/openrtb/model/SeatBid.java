package org.bidarena.openrtb.model;

import java.util.List;

/** OpenRTB 2.6 section 4.2.2, object SeatBid. Field names and types follow the specification's table. */
public final class SeatBid extends OpenRtbObject {
  public List<Bid> bid;
  public String seat;
  public Integer group;
}
