package org.bidarena.openrtb.model;

import java.util.List;

/** OpenRTB 2.6 section 4.2.3, object Bid. Field names and types follow the specification's table. */
public final class Bid extends OpenRtbObject {
  public String id;
  public String impid;
  public Double price;
  public String nurl;
  public String burl;
  public String lurl;
  public String adm;
  public String adid;
  public List<String> adomain;
  public String bundle;
  public String iurl;
  public String cid;
  public String crid;
  public String tactic;
  public Integer cattax;
  public List<String> cat;
  public List<Integer> attr;
  public List<Integer> apis;
  public Integer api;
  public Integer protocol;
  public Integer qagmediarating;
  public String language;
  public String langb;
  public String dealid;
  public Integer w;
  public Integer h;
  public Integer wratio;
  public Integer hratio;
  public Integer exp;
  public Integer dur;
  public Integer mtype;
  public Integer slotinpod;
}
