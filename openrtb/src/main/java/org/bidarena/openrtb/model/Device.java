package org.bidarena.openrtb.model;

/** OpenRTB 2.6 section 3.2.18, object Device. Field names and types follow the specification's table. */
public final class Device extends OpenRtbObject {
  public Geo geo;
  public Integer dnt;
  public Integer lmt;
  public String ua;
  public UserAgent sua;
  public String ip;
  public String ipv6;
  public Integer devicetype;
  public String make;
  public String model;
  public String os;
  public String osv;
  public String hwv;
  public Integer h;
  public Integer w;
  public Integer ppi;
  public Double pxratio;
  public Integer js;
  public Integer geofetch;
  public String flashver;
  public String language;
  public String langb;
  public String carrier;
  public String mccmnc;
  public Integer connectiontype;
  public String ifa;
  public String didsha1;
  public String didmd5;
  public String dpidsha1;
  public String dpidmd5;
  public String macsha1;
  public String macmd5;
}
