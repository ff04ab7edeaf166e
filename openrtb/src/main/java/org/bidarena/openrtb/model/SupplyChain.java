package org.bidarena.openrtb.model;

import java.util.List;

/** OpenRTB 2.6 section 3.2.25, object SupplyChain. Field names and types follow the specification's table. */
public final class SupplyChain extends OpenRtbObject {
  public Integer complete;
  public List<SupplyChainNode> nodes;
  public String ver;
}
