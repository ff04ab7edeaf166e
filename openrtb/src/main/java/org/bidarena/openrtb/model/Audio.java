package org.bidarena.openrtb.model;

import java.util.List;

/** OpenRTB 2.6 section 3.2.8, object Audio. Field names and types follow the specification's table. */
public final class Audio extends OpenRtbObject {
  public List<String> mimes;
  public Integer minduration;
  public Integer maxduration;
  public Integer poddur;
  public List<Integer> protocols;
  public Integer startdelay;
  public List<Integer> rqddurs;
  public String podid;
  public Integer podseq;
  public Integer sequence;
  public Integer slotinpod;
  public Double mincpmpersec;
  public List<Integer> battr;
  public Integer maxextended;
  public Integer minbitrate;
  public Integer maxbitrate;
  public List<Integer> delivery;
  public List<Banner> companionad;
  public List<Integer> api;
  public List<Integer> companiontype;
  public Integer maxseq;
  public Integer feed;
  public Integer stitched;
  public Integer nvol;
  public List<DurFloors> durfloors;
}
