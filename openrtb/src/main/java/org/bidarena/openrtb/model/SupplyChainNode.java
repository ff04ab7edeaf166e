package org.bidarena.openrtb.model;

/** OpenRTB 2.6 section 3.2.26, object SupplyChainNode. Field names and types follow the specification's table. */
public final class SupplyChainNode extends OpenRtbObject {
  public String asi;
  public String sid;
  public String rid;
  public String name;
  public String domain;
  public Integer hp;
}
