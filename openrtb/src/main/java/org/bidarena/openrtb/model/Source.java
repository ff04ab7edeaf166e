package org.bidarena.openrtb.model;

/** OpenRTB 2.6 section 3.2.2, object Source. Field names and types follow the specification's table. */
public final class Source extends OpenRtbObject {
  public Integer fd;
  public String tid;
  public String pchain;
  public SupplyChain schain;
}
