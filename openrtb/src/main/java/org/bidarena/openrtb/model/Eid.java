package org.bidarena.openrtb.model;

import java.util.List;

/** OpenRTB 2.6 section 3.2.27, object Eid. Field names and types follow the specification's table. */
public final class Eid extends OpenRtbObject {
  public String inserter;
  public String source;
  public String matcher;
  public Integer mm;
  public List<Uid> uids;
}
