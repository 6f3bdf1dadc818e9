"""Compact gold specs for the r17 hold-out set (genres and author wording); run `python3 build/specs.py` to write gold/."""
import sys, os
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
import goldlib
goldlib.OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "gold")
from goldlib import alt, dx, ae, resp, res, write

AML = dx("AML", "acute myeloid leukaemia", "acute myeloid leukemia", "aml")
LUAD = dx("LUAD", "lung adenocarcinoma", "adenocarcinoma of the lung", "non-small cell lung cancer", "nsclc")
NEUTROPENIA = ["neutrophil count decreased", "neutropenia"]
THROMBO = ["platelet count decreased", "thrombocytopenia"]
ALT_UP = ["alanine aminotransferase increased", "alt increased", "alanine aminotransferase", "alt rose"]
DIARRHEA = ["diarrhea", "diarrhoea"]
PSN = ["peripheral sensory neuropathy", "peripheral neuropathy", "neuropathy"]
CRS = ["cytokine release syndrome", "crs"]
ICANS = ["immune effector cell-associated neurotoxicity syndrome", "icans"]
QTC = ["electrocardiogram qt corrected interval prolonged", "qtc prolongation", "qt prolongation"]
HTN = ["hypertension"]
FN = ["febrile neutropenia", "neutropenic fever"]
PPE = ["palmar-plantar erythrodysesthesia syndrome", "palmar-plantar erythrodysaesthesia", "hand-foot syndrome",
       "hand-foot skin reaction", "ppe"]
IRR = ["infusion related reaction", "infusion-related reaction", "infusion reaction"]
DS = ["differentiation syndrome", "ds"]
HYPOTHY = ["hypothyroidism"]
ACNE = ["dermatitis acneiform", "acneiform rash", "rash acneiform", "acneiform eruption"]
MPRASH = ["rash maculopapular", "maculopapular rash", "rash"]
ANEMIA = ["anemia", "anaemia"]
PERI_OED = ["periorbital edema", "periorbital oedema", "eyelid oedema"]
PNEUMONITIS = ["pneumonitis"]
PE_OED = ["peripheral edema", "peripheral oedema", "edema limbs", "leg swelling"]

# ---------------- haematological (01-12) ----------------
write("r17-01_mln-eo-pdgfra-imatinib-t674i-ponatinib.txt", 44, "male",
      [dx("MLNER", "myeloid/lymphoid neoplasm with eosinophilia and pdgfra rearrangement",
          "myeloid/lymphoid neoplasm with eosinophilia", "eosinophilic neoplasm", "myeloid/lymphoid neoplasm")],
      [alt("PDGFRA", "fusion", "FIP1L1::PDGFRA", "FIP1L1-PDGFRA", "rearrangement"), alt("PDGFRA", "T674I")],
      ["imatinib", "ponatinib"],
      ["amlodipine", "glivec", "inhaled steroid"],
      [resp("imatinib", "CR"), resp("ponatinib", "CR")],
      [ae(DIARRHEA + ["loose stools"], None, "imatinib"), ae(HTN, None, "ponatinib"), ae(["rash"], 1, "ponatinib")],
      [res("PDGFRA", "imatinib")])

write("r17-02_aml-venetoclax-azacitidine-flt3-gilteritinib.txt", 74, "male",
      [AML],
      [alt("NPM1", "W288Cfs*12", "p.W288Cfs*12", "frameshift", "mutation"), alt("DNMT3A", "R882H"),
       alt("FLT3", "ITD", "internal tandem duplication", "FLT3-ITD")],
      ["venetoclax", "azacitidine", "gilteritinib"],
      ["metformin", "rasburicase", "dexamethasone", "venclexta", "vidaza", "xospata"],
      [resp("venetoclax", "CR"), resp("azacitidine", "CR"), resp("gilteritinib", "CR", "PR")],
      [ae(["tumor lysis syndrome", "tumour lysis syndrome", "tls"], 3, "venetoclax"),
       ae(NEUTROPENIA + ["neutrophils remained below"], 4, "venetoclax"), ae(DS, 2, "gilteritinib")],
      [res("FLT3", "venetoclax")])

write("r17-03_myeloma-vrd-asct-dpd-elranatamab.txt", 58, "female",
      [dx("PCM", "multiple myeloma", "plasma cell myeloma", "myeloma")],
      [alt("NRAS", "Q61K")],
      ["bortezomib", "lenalidomide", "dexamethasone", "melphalan", "daratumumab", "pomalidomide", "elranatamab"],
      ["levothyroxine", "filgrastim", "paracetamol", "immunoglobulin", "velcade", "revlimid", "dpd", "opioid"],
      [resp("bortezomib", "PR", "CR"), resp("lenalidomide", "PR", "CR"), resp("dexamethasone", "PR", "CR"),
       resp("melphalan", "CR"), resp("daratumumab", "PD"), resp("pomalidomide", "PD"), resp("elranatamab", "CR")],
      [ae(PSN, 2, "bortezomib"), ae(["mucositis oral", "oral mucositis", "mucositis"], 3, "melphalan"),
       ae(IRR, 2, "daratumumab"), ae(NEUTROPENIA + ["neutrophils fell"], 3, "pomalidomide"),
       ae(CRS, 1, "elranatamab"), ae(["pneumonia", "lung infection"], 3, "elranatamab"),
       ae(["hypogammaglobulinemia", "hypogammaglobulinaemia"], None, "elranatamab")],
      [])

write("r17-04_wm-ibrutinib-btk-c481s-pirtobrutinib.txt", 67, "female",
      [dx("WM", "waldenström macroglobulinaemia", "waldenstrom macroglobulinemia", "waldenström macroglobulinemia",
          "waldenstrom macroglobulinaemia", "lymphoplasmacytic lymphoma", "wm")],
      [alt("MYD88", "L265P"), alt("CXCR4", "S338*", "nonsense", "nonsense mutation"), alt("BTK", "C481S")],
      ["ibrutinib", "pirtobrutinib"],
      ["bisoprolol", "apixaban", "imbruvica", "jaypirca"],
      [resp("ibrutinib", "PR"), resp("pirtobrutinib", "PR")],
      [ae(["atrial fibrillation"], None, "ibrutinib"), ae(["bruising", "ecchymosis", "easy bruising"], 1, "pirtobrutinib")],
      [res("BTK", "ibrutinib")])

write("r17-05_ball-inotuzumab-sos-tisagenlecleucel-cd19.txt", 23, "female",
      [dx("BLL", "b-lymphoblastic leukaemia", "b-lymphoblastic leukemia", "acute lymphoblastic leukaemia",
          "acute lymphoblastic leukemia", "b-all", "precursor b-cell acute lymphoblastic leukaemia",
          "ph-like acute lymphoblastic leukaemia")],
      [alt("CRLF2", "fusion", "P2RY8::CRLF2", "P2RY8-CRLF2", "rearrangement"), alt("JAK2", "R683G"),
       alt("CD19", "c.294delC", "frameshift", "exon 2 frameshift")],
      ["vincristine", "daunorubicin", "pegaspargase", "prednisone", "inotuzumab ozogamicin", "tisagenlecleucel"],
      ["fludarabine", "cyclophosphamide", "tocilizumab", "defibrotide", "immunoglobulin", "besponsa", "kymriah",
       "asparaginase"],
      [resp("vincristine", "CR"), resp("daunorubicin", "CR"), resp("pegaspargase", "CR"), resp("prednisone", "CR"),
       resp("inotuzumab ozogamicin", "CR"), resp("tisagenlecleucel", "CR")],
      [ae(["pancreatitis"], 3, "pegaspargase"),
       ae(["sinusoidal obstruction syndrome", "hepatic sinusoidal obstruction syndrome", "veno-occlusive disease",
           "hepatic veno-occlusive disease", "sos"], 3, "inotuzumab ozogamicin"),
       ae(CRS, 2, "tisagenlecleucel"),
       ae(["hypogammaglobulinemia", "hypogammaglobulinaemia"], None, "tisagenlecleucel")],
      [res("CD19", "tisagenlecleucel")])

write("r17-06_hcl-cladribine-vemurafenib-rituximab.txt", 52, "male",
      [dx("HCL", "hairy cell leukaemia", "hairy cell leukemia", "hcl", "classic hairy cell leukaemia")],
      [alt("BRAF", "V600E")],
      ["cladribine", "vemurafenib", "rituximab"],
      ["calcipotriol", "piperacillin-tazobactam", "piperacillin", "tazobactam"],
      [resp("cladribine", "CR"), resp("vemurafenib", "CR"), resp("rituximab", "CR")],
      [ae(FN, 3, "cladribine"), ae(["arthralgia"], 2, "vemurafenib"),
       ae(["photosensitivity", "photosensitive rash", "photosensitivity reaction"], 1, "vemurafenib"),
       ae(IRR, 1, "rituximab")],
      [])

write("r17-07_cnl-csf3r-ruxolitinib-hydroxyurea.txt", 71, "male",
      [dx("CNL", "chronic neutrophilic leukaemia", "chronic neutrophilic leukemia", "cnl")],
      [alt("CSF3R", "T618I"), alt("ASXL1", "G646Wfs*12", "p.G646Wfs*12", "frameshift"), alt("SETBP1", "D868N")],
      ["ruxolitinib", "hydroxyurea"],
      ["aspirin", "atorvastatin", "valaciclovir", "hydroxycarbamide"],
      [resp("ruxolitinib", "CR", "PR")],
      [ae(ANEMIA, 2, "ruxolitinib"), ae(["herpes zoster", "shingles", "zoster"], 2, "ruxolitinib")],
      [])

write("r17-08_aml-kmt2a-revumenib-men1-m327i.txt", 38, "female",
      [AML],
      [alt("KMT2A", "fusion", "rearrangement", "KMT2A rearrangement"), alt("NRAS", "G13D"), alt("MEN1", "M327I")],
      ["daunorubicin", "cytarabine", "revumenib"],
      ["sumatriptan", "posaconazole", "dexamethasone", "hydroxyurea", "sndx-5613", "hydroxycarbamide"],
      [resp("daunorubicin", "PD"), resp("cytarabine", "PD"), resp("revumenib", "CR", "PR")],
      [ae(FN, 3, "daunorubicin"), ae(DS, 2, "revumenib"), ae(QTC + ["qtcf"], 3, "revumenib")],
      [res("MEN1", "revumenib")])

write("r17-09_cll-ibrutinib-plcg2-venetoclax-bcl2-g101v.txt", 61, "male",
      [dx("CLLSLL", "chronic lymphocytic leukaemia", "chronic lymphocytic leukemia", "cll")],
      [alt("NOTCH1", "P2514fs", "p.P2514fs", "frameshift"), alt("BTK", "C481S"), alt("PLCG2", "R665W"),
       alt("BCL2", "G101V")],
      ["ibrutinib", "venetoclax", "rituximab", "pirtobrutinib"],
      ["ramipril", "amlodipine", "filgrastim", "rituxan"],
      [resp("ibrutinib", "PR"), resp("venetoclax", "CR"), resp("rituximab", "CR")],
      [ae(HTN, 2, "ibrutinib"), ae(["arthralgia"], 1, "ibrutinib"), ae(IRR, 2, "rituximab"),
       ae(["tumor lysis syndrome", "tumour lysis syndrome", "tls", "laboratory tumour lysis syndrome"], None, "venetoclax"),
       ae(NEUTROPENIA + ["neutrophils fell"], 3, "venetoclax")],
      [res("BTK", "ibrutinib"), res("PLCG2", "ibrutinib"), res("BCL2", "venetoclax")])

write("r17-10_fl-br-tazemetostat-ezh2.txt", 63, "female",
      [dx("FL", "follicular lymphoma", "fl")],
      [alt("EZH2", "Y646N"), alt("KMT2D", "Q2813*", "nonsense", "nonsense mutation")],
      ["bendamustine", "rituximab", "tazemetostat"],
      ["methotrexate", "aciclovir", "br"],
      [resp("bendamustine", "CR"), resp("rituximab", "CR"), resp("tazemetostat", "PR")],
      [ae(["nausea"], 1, "bendamustine"), ae(["herpes zoster", "shingles", "zoster"], 2, "bendamustine"),
       ae(["fatigue"], 1, "tazemetostat"), ae(THROMBO + ["platelet count"], 1, "tazemetostat")],
      [])

write("r17-11_alcl-alk-bvchp-crizotinib-g1269a-lorlatinib.txt", 19, "male",
      [dx("ALCLALKP", "alk-positive anaplastic large cell lymphoma", "anaplastic large cell lymphoma",
          "anaplastic large cell lymphoma, alk positive", "alcl")],
      [alt("ALK", "fusion", "NPM1::ALK", "NPM1-ALK", "rearrangement"), alt("ALK", "G1269A")],
      ["brentuximab vedotin", "cyclophosphamide", "doxorubicin", "prednisone", "crizotinib", "lorlatinib"],
      ["rosuvastatin", "bv-chp", "xalkori"],
      [resp("brentuximab vedotin", "CR"), resp("cyclophosphamide", "CR"), resp("doxorubicin", "CR"),
       resp("prednisone", "CR"), resp("crizotinib", "CR"), resp("lorlatinib", "PR", "CR")],
      [ae(PSN, 2, "brentuximab vedotin"),
       ae(["visual disturbance", "vision disorder", "visual impairment", "blurred vision"], 1, "crizotinib"),
       ae(ALT_UP, 2, "crizotinib"),
       ae(["hypercholesterolemia", "hypercholesterolaemia", "cholesterol high"], None, "lorlatinib")],
      [res("ALK", "crizotinib")])

write("r17-12_cml-nilotinib-dasatinib-y253h-f317l-asciminib.txt", 47, "female",
      [dx("CMLBCRABL1", "chronic myeloid leukaemia", "chronic myeloid leukemia", "chronic myelogenous leukemia", "cml")],
      [alt("ABL1", "fusion", "BCR::ABL1", "BCR-ABL1", "e14a2", "t(9;22)", "t(9;22)(q34;q11)"), alt("ABL1", "Y253H"),
       alt("ABL1", "F317L")],
      ["nilotinib", "dasatinib", "asciminib"],
      ["tasigna"],
      [resp("nilotinib", "CR", "PR"), resp("dasatinib", "PD", "SD"), resp("asciminib", "PR", "CR")],
      [ae(["hyperglycemia", "hyperglycaemia"], 2, "nilotinib"), ae(QTC + ["qtcf"], 1, "nilotinib"),
       ae(["pleural effusion"], 2, "dasatinib"), ae(["lipase increased", "lipase", "lipase rose"], 2, "asciminib")],
      [res("ABL1", "nilotinib"), res("ABL1", "dasatinib")])

# ---------------- solid tumours (13-24) ----------------
write("r17-13_nsclc-ros1-crizotinib-g2032r-repotrectinib.txt", 41, "female",
      [LUAD],
      [alt("ROS1", "fusion", "CD74::ROS1", "CD74-ROS1", "rearrangement"), alt("ROS1", "G2032R")],
      ["crizotinib", "repotrectinib"],
      ["xalkori", "augtyro"],
      [resp("crizotinib", "PR"), resp("repotrectinib", "PR")],
      [ae(PE_OED + ["swelling of both ankles", "ankle swelling"], 1, "crizotinib"),
       ae(["visual disturbance", "vision disorder", "visual impairment"], None, "crizotinib"),
       ae(["dizziness"], None, "repotrectinib"), ae(["dysgeusia", "taste change"], None, "repotrectinib")],
      [res("ROS1", "crizotinib")])

write("r17-14_crc-braf-folfox-encorafenib-cetuximab-kras.txt", 57, "female",
      [dx("COADREAD", "colorectal adenocarcinoma", "colon adenocarcinoma", "colorectal cancer", "colon cancer", "crc")],
      [alt("BRAF", "V600E"), alt("RNF43", "G659Vfs*41", "p.G659Vfs*41", "frameshift"), alt("KRAS", "G12D")],
      ["oxaliplatin", "fluorouracil", "leucovorin", "bevacizumab", "encorafenib", "cetuximab", "trifluridine",
       "tipiracil"],
      ["folfox", "levothyroxine", "doxycycline", "braftovi", "erbitux", "trifluridine/tipiracil",
       "trifluridine-tipiracil"],
      [resp("oxaliplatin", "PR"), resp("fluorouracil", "PR"), resp("leucovorin", "PR"), resp("bevacizumab", "PR"),
       resp("encorafenib", "PR"), resp("cetuximab", "PR"), resp("trifluridine", "SD"), resp("tipiracil", "SD")],
      [ae(PSN, None, "oxaliplatin"), ae(["proteinuria"], 2, "bevacizumab"), ae(ACNE, 2, "cetuximab"),
       ae(["arthralgia", "joint pains"], 1, "encorafenib")],
      [res("KRAS", "encorafenib"), res("KRAS", "cetuximab")])

write("r17-15_breast-her2-thp-tdxd-ild-tucatinib.txt", 49, "female",
      [dx("IDC", "invasive ductal carcinoma", "breast cancer", "invasive ductal carcinoma of the breast",
          "her2-positive metastatic breast cancer")],
      [alt("ERBB2", "amplification", "amplified"), alt("PIK3CA", "E545K"), alt("TP53", "R248Q")],
      ["docetaxel", "trastuzumab", "pertuzumab", "trastuzumab deruxtecan", "tucatinib", "capecitabine"],
      ["insulin", "pegfilgrastim", "zoledronic acid", "olanzapine", "ondansetron", "prednisolone", "enhertu", "thp",
       "t-dxd"],
      [resp("docetaxel", "PR"), resp("trastuzumab", "PR"), resp("pertuzumab", "PR"),
       resp("trastuzumab deruxtecan", "CR"), resp("tucatinib", "SD"), resp("capecitabine", "SD")],
      [ae(FN, 3, "docetaxel"), ae(DIARRHEA, 2, "pertuzumab"), ae(["nausea"], 2, "trastuzumab deruxtecan"),
       ae(PNEUMONITIS + ["interstitial lung disease", "ild"], 2, "trastuzumab deruxtecan"),
       ae(PPE, None, "capecitabine")],
      [])

write("r17-16_atc-braf-dabrafenib-trametinib-pembrolizumab.txt", 66, "female",
      [dx("THAP", "anaplastic thyroid carcinoma", "anaplastic thyroid cancer", "atc")],
      [alt("BRAF", "V600E"), alt("TERT", "C228T", "promoter", "promoter mutation")],
      ["dabrafenib", "trametinib", "pembrolizumab"],
      ["edoxaban"],
      [resp("dabrafenib", "PR"), resp("trametinib", "PR"), resp("pembrolizumab", "SD")],
      [ae(["pyrexia", "fever"], 2, "dabrafenib"), ae(ACNE, 1, "trametinib"),
       ae(["ejection fraction decreased", "decreased ejection fraction", "ejection fraction fell"], 2, "trametinib")],
      [])

write("r17-17_icca-fgfr2-pemigatinib-v565f-futibatinib.txt", 53, "male",
      [dx("IHCH", "intrahepatic cholangiocarcinoma", "icca", "cholangiocarcinoma")],
      [alt("FGFR2", "fusion", "FGFR2::BICC1", "FGFR2-BICC1", "rearrangement"),
       alt("BAP1", "deletion", "homozygous deletion", "loss"), alt("FGFR2", "V565F")],
      ["gemcitabine", "cisplatin", "durvalumab", "pemigatinib", "futibatinib"],
      ["sofosbuvir", "velpatasvir", "sevelamer", "folfox", "oxaliplatin", "fluorouracil", "leucovorin", "pemazyre", "tas-120"],
      [resp("gemcitabine", "SD"), resp("cisplatin", "SD"), resp("durvalumab", "SD"), resp("pemigatinib", "PR"),
       resp("futibatinib", "SD")],
      [ae(["tinnitus"], 2, "cisplatin"), ae(["hyperphosphatemia", "hyperphosphataemia"], None, "pemigatinib"),
       ae(["onycholysis", "nail toxicity"], 2, "pemigatinib"), ae(["dry eye"], 1, "pemigatinib"),
       ae(["stomatitis", "mucositis oral", "oral mucositis"], 2, "futibatinib")],
      [res("FGFR2", "pemigatinib")])

write("r17-18_nsclc-kras-g12c-pembrolizumab-sotorasib-y96d.txt", 68, "male",
      [LUAD],
      [alt("KRAS", "G12C"), alt("STK11", "Q37*", "nonsense"), alt("KRAS", "Y96D")],
      ["carboplatin", "pemetrexed", "pembrolizumab", "sotorasib", "docetaxel"],
      ["allopurinol", "prednisolone", "keytruda"],
      [resp("carboplatin", "PR"), resp("pemetrexed", "PR"), resp("pembrolizumab", "PR"), resp("sotorasib", "PR"),
       resp("docetaxel", "PD")],
      [ae(["fatigue"], 2, "pemetrexed"), ae(PNEUMONITIS, 2, "pembrolizumab"), ae(ALT_UP, 3, "sotorasib"),
       ae(DIARRHEA, 1, "sotorasib"), ae(FN, 3, "docetaxel")],
      [res("KRAS", "sotorasib")])

write("r17-19_ifs-ntrk3-larotrectinib-g623r-selitrectinib.txt", 0, "male",
      [dx("IFS", "infantile fibrosarcoma")],
      [alt("NTRK3", "fusion", "ETV6::NTRK3", "ETV6-NTRK3", "rearrangement"), alt("NTRK3", "G623R")],
      ["larotrectinib", "selitrectinib"],
      ["vitrakvi", "loxo-195"],
      [resp("larotrectinib", "CR", "PR"), resp("selitrectinib", "PR")],
      [ae(ALT_UP, 2, "larotrectinib"), ae(["ataxia"], 1, "selitrectinib")],
      [res("NTRK3", "larotrectinib")])

write("r17-20_hcc-atezolizumab-bevacizumab-lenvatinib.txt", 62, "male",
      [dx("HCC", "hepatocellular carcinoma", "hcc")],
      [alt("CTNNB1", "S45P"), alt("TERT", "C228T", "promoter", "promoter mutation")],
      ["atezolizumab", "bevacizumab", "lenvatinib"],
      ["gliclazide", "levothyroxine", "loperamide", "lenvima", "atezo/bev"],
      [resp("atezolizumab", "PR"), resp("bevacizumab", "PR"), resp("lenvatinib", "PD")],
      [ae(["proteinuria"], 2, "bevacizumab"), ae(HYPOTHY, 2, "atezolizumab"), ae(HTN, 3, "lenvatinib"),
       ae(PPE, None, "lenvatinib"), ae(DIARRHEA, 1, "lenvatinib")],
      [])

write("r17-21_tnbc-gbrca1-pembrolizumab-olaparib-reversion-sacituzumab.txt", 36, "female",
      [dx("IDC", "invasive ductal carcinoma", "breast cancer", "triple-negative breast cancer", "tnbc")],
      [alt("BRCA1", "c.5266dupC", "Q1756Pfs*74", "p.Q1756Pfs*74", "5382insC", "frameshift"),
       alt("BRCA1", "c.5254_5277del", "reversion", "reversion mutation"), alt("TP53", "R273C")],
      ["pembrolizumab", "paclitaxel", "carboplatin", "doxorubicin", "cyclophosphamide", "olaparib",
       "sacituzumab govitecan"],
      ["hydrocortisone", "loperamide", "lynparza", "trodelvy", "ac", "granulocyte colony-stimulating factor", "g-csf"],
      [resp("pembrolizumab", "CR"), resp("paclitaxel", "CR"), resp("carboplatin", "CR"), resp("doxorubicin", "CR"),
       resp("cyclophosphamide", "CR"), resp("olaparib", "PR"), resp("sacituzumab govitecan", "SD", "PD")],
      [ae(PSN, 1, "paclitaxel"), ae(["adrenal insufficiency"], 2, "pembrolizumab"), ae(ANEMIA, 3, "olaparib"),
       ae(["nausea"], None, "olaparib"), ae(NEUTROPENIA + ["neutrophils fell"], 4, "sacituzumab govitecan"),
       ae(DIARRHEA, 2, "sacituzumab govitecan")],
      [res("BRCA1", "olaparib")])

write("r17-22_nsclc-met-ex14-capmatinib-d1228n-cabozantinib.txt", 79, "female",
      [LUAD],
      [alt("MET", "c.3082+1G>A", "exon 14 skipping", "exon 14 splice-site mutation", "splice-site mutation"),
       alt("MDM2", "amplification", "amplified"), alt("MET", "D1228N")],
      ["capmatinib", "cabozantinib"],
      ["indapamide", "levothyroxine", "tabrecta"],
      [resp("capmatinib", "PR"), resp("cabozantinib", "SD")],
      [ae(PE_OED, None, "capmatinib"), ae(PPE, 2, "cabozantinib"), ae(DIARRHEA, 1, "cabozantinib")],
      [res("MET", "capmatinib")])

write("r17-23_melanoma-nras-ipinivo-colitis-b2m.txt", 45, "male",
      [dx("SKCM", "cutaneous melanoma", "melanoma", "nodular melanoma", "metastatic melanoma")],
      [alt("NRAS", "Q61R"), alt("CDKN2A", "deletion", "homozygous deletion", "loss"),
       alt("B2M", "c.67_68delCT", "frameshift", "loss")],
      ["nivolumab", "ipilimumab"],
      ["methylprednisolone", "infliximab", "hydrocortisone", "ipi/nivo"],
      [resp("nivolumab", "CR"), resp("ipilimumab", "CR")],
      [ae(["colitis", "immune-mediated colitis"], 3, "ipilimumab"), ae(["hypophysitis"], 2, "ipilimumab")],
      [res("B2M", "nivolumab")])

write("r17-24_oligodendroglioma-idh1-vorasidenib-pcv.txt", 34, "male",
      [dx("ODG", "oligodendroglioma", "oligodendroglioma, idh-mutant and 1p/19q-codeleted")],
      [alt("IDH1", "R132H"), alt("TERT", "C250T", "promoter", "promoter mutation"), alt("CIC", "R215W")],
      ["vorasidenib", "procarbazine", "lomustine", "vincristine"],
      ["levetiracetam", "pcv"],
      [resp("vorasidenib", "SD")],
      [ae(ALT_UP, 3, "vorasidenib"), ae(["fatigue"], 1, "vorasidenib"), ae(THROMBO, 3, "lomustine"),
       ae(PSN, 1, "vincristine"), ae(["nausea"], None, "procarbazine")],
      [])
