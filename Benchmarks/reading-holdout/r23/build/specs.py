"""Compact gold specs for the r23 hold-out set (how authors tell the course and outcome of targeted therapy: responses
by RECIST, PET, markers and words, failures without the word, resistance tied or not tied, time phrases, graded AEs);
run `python3 build/specs.py` to write gold/."""
import sys, os
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
import goldlib
goldlib.OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "gold")
from goldlib import alt, dx, ae, resp, res, write

CML = dx("CMLBCRABL1", "chronic myeloid leukaemia", "chronic myeloid leukemia", "chronic myelogenous leukemia", "cml",
         "chronic-phase chronic myeloid leukaemia")
AML = dx("AML", "acute myeloid leukaemia", "acute myeloid leukemia", "aml", "acute myeloid leukaemia with mutated npm1")
LUAD = dx("LUAD", "lung adenocarcinoma", "adenocarcinoma of the lung", "non-small cell lung cancer", "nsclc")
NEUTROPENIA = ["neutrophil count decreased", "neutropenia", "neutrophil count decrease"]
THROMBO = ["platelet count decreased", "thrombocytopenia", "platelet count decrease"]
ALT_UP = ["alanine aminotransferase increased", "alt increased", "alanine aminotransferase", "alt increase",
          "alanine aminotransferase increase"]
DIARRHEA = ["diarrhea", "diarrhoea"]
PSN = ["peripheral sensory neuropathy", "peripheral neuropathy", "neuropathy"]
QTC = ["electrocardiogram qt corrected interval prolonged", "qtc prolongation", "qt prolongation"]
HTN = ["hypertension"]
FN = ["febrile neutropenia", "neutropenic fever"]
PPE = ["palmar-plantar erythrodysesthesia syndrome", "palmar-plantar erythrodysesthesia",
       "palmar-plantar erythrodysaesthesia", "hand-foot syndrome", "ppe"]
DS = ["differentiation syndrome", "ds"]
HYPOTHY = ["hypothyroidism"]
ACNE = ["dermatitis acneiform", "acneiform rash", "rash acneiform", "acneiform eruption"]
MPRASH = ["rash maculopapular", "maculopapular rash", "rash"]
ANEMIA = ["anemia", "anaemia"]
PERI_OED = ["periorbital edema", "periorbital oedema", "eyelid oedema"]
PERIPH_OED = ["peripheral edema", "peripheral oedema", "edema limbs", "oedema"]
PYREXIA = ["pyrexia", "fever"]
NAUSEA = ["nausea"]
IRR = ["infusion related reaction", "infusion-related reaction"]
CRS = ["cytokine release syndrome", "crs"]
FATIGUE = ["fatigue"]
PRURITUS = ["pruritus"]
ARTHRALGIA = ["arthralgia"]
ALOPECIA = ["alopecia"]
STOMATITIS = ["stomatitis", "mucositis oral", "oral mucositis"]
WEIGHT_GAIN = ["weight gain"]
DYSGEUSIA = ["dysgeusia", "taste alteration"]
PLEURAL = ["pleural effusion"]
LIPASE = ["lipase increased", "lipase increase"]
BILI = ["blood bilirubin increased", "hyperbilirubinemia", "hyperbilirubinaemia", "bilirubin increased"]
CRAMP = ["muscle cramp", "muscle cramps"]
DRY_EYE = ["dry eye"]
PNEUMONITIS = ["pneumonitis", "interstitial lung disease"]
CONTUSION = ["contusion", "bruising"]
ABL1_FUSION = ("fusion", "BCR::ABL1", "BCR-ABL1", "t(9;22)", "rearrangement")
KRAS_G12C = alt("KRAS", "G12C", "c.34G>T")
MET_AMP = alt("MET", "amplification", "amplified", "MET amplification")
BRAF_V600E = alt("BRAF", "V600E", "c.1799T>A")

# ---------------- haematological (01-12) ----------------
write("r23-01_cml-imatinib-e255k-loss-of-mmr-dasatinib.txt", 56, "female", [CML],
      [alt("ABL1", *ABL1_FUSION, "e14a2", "b3a2"), alt("ABL1", "E255K", "c.763G>A", "P-loop mutation")],
      ["imatinib", "dasatinib"],
      [],
      [resp("imatinib", "PR"), resp("dasatinib", "CR", "PR")],
      [ae(PERI_OED, 1, "imatinib"), ae(CRAMP, 1, "imatinib"), ae(PLEURAL, 2, "dasatinib"),
       ae(THROMBO, 3, "dasatinib")],
      [res("ABL1", "imatinib")])

write("r23-02_cml-nilotinib-t315i-blast-crisis-ponatinib-azacitidine.txt", 38, "male",
      [dx("CMLBCRABL1", "chronic myeloid leukaemia", "chronic myeloid leukemia", "chronic myelogenous leukemia", "cml",
          "chronic-phase chronic myeloid leukaemia", "myeloid blast crisis", "blast phase chronic myeloid leukaemia")],
      [alt("ABL1", *ABL1_FUSION, "e13a2", "b2a2"), alt("ABL1", "T315I", "c.944C>T"),
       alt("ASXL1", "G646Wfs*12", "p.G646Wfs*12", "p.Gly646Trpfs*12", "frameshift"),
       alt("ABL1", "E255V", "compound mutation")],
      ["nilotinib", "ponatinib", "azacitidine"],
      [],
      [resp("nilotinib", "PR"), resp("ponatinib", "PR"), resp("azacitidine", "PR")],
      [ae(BILI, 2, "nilotinib"), ae(PRURITUS, 1, "nilotinib"), ae(NEUTROPENIA, 4, "azacitidine"),
       ae(HTN, 3, "ponatinib"), ae(LIPASE, 2, "ponatinib")],
      [res("ABL1", "nilotinib"), res("ABL1", "ponatinib")])

write("r23-03_aml-npm1-flt3itd-quizartinib-d835y-gilteritinib.txt", 52, "female", [AML],
      [alt("NPM1", "W288Cfs*12", "p.W288Cfs*12", "p.Trp288Cysfs*12", "c.860_863dup", "type A", "frameshift"),
       alt("FLT3", "ITD", "internal tandem duplication", "FLT3-ITD"),
       alt("FLT3", "D835Y", "c.2503G>T", "TKD mutation")],
      ["daunorubicin", "cytarabine", "quizartinib", "gilteritinib"],
      ["fludarabine", "busulfan", "dexamethasone"],
      [resp("daunorubicin", "CR"), resp("cytarabine", "CR"), resp("quizartinib", "CR"),
       resp("gilteritinib", "CR", "PR")],
      [ae(FN, 3, "daunorubicin"), ae(QTC, 2, "quizartinib"),
       ae(["creatine phosphokinase increased", "cpk increased", "creatine phosphokinase increase",
           "creatine kinase increased"], 2, "gilteritinib"),
       ae(DS, 2, "gilteritinib")],
      [res("FLT3", "quizartinib")])

write("r23-04_cll-acalabrutinib-btk-c481s-pirtobrutinib-l528w-venetoclax.txt", 67, "male",
      [dx("CLLSLL", "chronic lymphocytic leukaemia", "chronic lymphocytic leukemia", "cll")],
      [alt("BTK", "C481S", "c.1442G>C"), alt("BTK", "L528W", "c.1583T>G")],
      ["acalabrutinib", "pirtobrutinib", "venetoclax", "obinutuzumab"],
      ["filgrastim"],
      [resp("acalabrutinib", "PR"), resp("pirtobrutinib", "PR"), resp("venetoclax", "CR"),
       resp("obinutuzumab", "CR")],
      [ae(["headache"], 1, "acalabrutinib"), ae(CONTUSION, 1, "acalabrutinib"), ae(NEUTROPENIA, 3, "pirtobrutinib"),
       ae(IRR, 2, "obinutuzumab"), ae(["tumor lysis syndrome", "tumour lysis syndrome"], 3, "venetoclax")],
      [res("BTK", "acalabrutinib"), res("BTK", "pirtobrutinib")])

write("r23-05_myeloma-t1114-kras-dvrd-venetoclax-elranatamab.txt", 66, "female",
      [dx("PCM", "multiple myeloma", "plasma cell myeloma", "myeloma", "igg lambda multiple myeloma")],
      [alt("KRAS", "Q61H", "c.183A>T")],
      ["daratumumab", "bortezomib", "lenalidomide", "dexamethasone", "venetoclax", "elranatamab"],
      ["melphalan", "immunoglobulin", "immunoglobulin replacement"],
      [resp("daratumumab", "PR"), resp("bortezomib", "PR"), resp("lenalidomide", "PR"),
       resp("dexamethasone", "PR"), resp("venetoclax", "PR"), resp("elranatamab", "CR")],
      [ae(PSN, 2, "bortezomib"), ae(MPRASH, 2, "lenalidomide"), ae(NEUTROPENIA, 3, "venetoclax"),
       ae(CRS, 1, "elranatamab"), ae(["pneumonia", "lung infection"], 3, "elranatamab")],
      [])

write("r23-06_aml-idh2-aza-ven-enasidenib-nras.txt", 74, "male", [AML],
      [alt("IDH2", "R140Q", "c.419G>A"), alt("SRSF2", "P95H"), alt("RUNX1", "R201*", "nonsense"),
       alt("NRAS", "G12D", "c.35G>A")],
      ["azacitidine", "venetoclax", "enasidenib"],
      ["dexamethasone"],
      [resp("azacitidine", "CR"), resp("venetoclax", "CR"), resp("enasidenib", "PR")],
      [ae(FN, 3, "venetoclax"), ae(DS, 2, "enasidenib"), ae(BILI, 1, "enasidenib")],
      [res("NRAS", "enasidenib")])

write("r23-07_mcl-tp53-br-zanubrutinib-blastoid-brexucabtagene.txt", 68, "male",
      [dx("MCL", "mantle cell lymphoma", "blastoid mantle cell lymphoma", "mcl")],
      [alt("TP53", "R248W", "c.742C>T")],
      ["bendamustine", "rituximab", "zanubrutinib", "brexucabtagene autoleucel"],
      ["fludarabine", "cyclophosphamide", "tocilizumab", "dexamethasone"],
      [resp("bendamustine", "CR"), resp("rituximab", "CR"), resp("zanubrutinib", "PR"),
       resp("brexucabtagene autoleucel", "CR")],
      [ae(IRR, 2, "rituximab"), ae(CONTUSION, 2, "zanubrutinib"), ae(NEUTROPENIA, 3, "zanubrutinib"),
       ae(CRS, 2, "brexucabtagene autoleucel"),
       ae(["immune effector cell-associated neurotoxicity syndrome", "icans", "neurotoxicity"], 1,
          "brexucabtagene autoleucel")],
      [])

write("r23-08_systemic-mastocytosis-kit-d816v-midostaurin-avapritinib.txt", 59, "female",
      [dx("SM", "aggressive systemic mastocytosis", "systemic mastocytosis", "advanced systemic mastocytosis")],
      [alt("KIT", "D816V", "c.2447A>T"), alt("SRSF2", "P95L")],
      ["midostaurin", "avapritinib"],
      ["ondansetron"],
      [resp("midostaurin", "SD"), resp("avapritinib", "CR", "PR")],
      [ae(NAUSEA, 2, "midostaurin"), ae(["vomiting"], 2, "midostaurin"), ae(THROMBO, 3, "avapritinib"),
       ae(PERI_OED, 1, "avapritinib"), ae(["memory impairment", "cognitive disturbance", "cognitive effects"], 1,
                                          "avapritinib")],
      [])

write("r23-09_wm-myd88-cxcr4-drc-ibrutinib-btk-c481r-venetoclax.txt", 62, "female",
      [dx("WM", "waldenström macroglobulinaemia", "waldenstrom macroglobulinemia", "waldenström macroglobulinemia",
          "waldenstrom macroglobulinaemia", "lymphoplasmacytic lymphoma")],
      [alt("MYD88", "L265P", "c.794T>C"), alt("CXCR4", "S338*", "nonsense", "WHIM-like mutation"),
       alt("BTK", "C481R", "c.1441T>C")],
      ["dexamethasone", "rituximab", "cyclophosphamide", "ibrutinib", "venetoclax"],
      [],
      [resp("dexamethasone", "PR"), resp("rituximab", "PR"), resp("cyclophosphamide", "PR"), resp("ibrutinib", "PR"),
       resp("venetoclax", "PR")],
      [ae(IRR, 1, "rituximab"), ae(["atrial fibrillation"], 2, "ibrutinib"), ae(ARTHRALGIA, 1, "ibrutinib"),
       ae(NEUTROPENIA, 3, "venetoclax")],
      [res("BTK", "ibrutinib")])

write("r23-10_erdheim-chester-braf-v600e-peginterferon-vemurafenib-holiday.txt", 54, "male",
      [dx("ECD", "erdheim-chester disease", "erdheim chester disease", "ecd")],
      [BRAF_V600E],
      ["peginterferon alfa-2a", "vemurafenib"],
      ["interferon"],
      [resp("peginterferon alfa-2a", "SD"), resp("vemurafenib", "CR")],
      [ae(FATIGUE, 2, "peginterferon alfa-2a"), ae(["depression"], 2, "peginterferon alfa-2a"),
       ae(MPRASH, 3, "vemurafenib"), ae(ARTHRALGIA, 2, "vemurafenib"), ae(["photosensitivity"], 1, "vemurafenib")],
      [])

write("r23-11_cml-two-patients-bosutinib-dasatinib-v299l-nilotinib-asciminib.txt", 49, "male", [CML],
      [alt("ABL1", *ABL1_FUSION, "e14a2", "b3a2"), alt("ABL1", "V299L")],
      ["imatinib", "bosutinib", "asciminib", "dasatinib", "nilotinib"],
      [],
      [resp("asciminib", "PR"), resp("dasatinib", "PR"), resp("nilotinib", "PR")],
      [ae(MPRASH, 3, "imatinib"), ae(DIARRHEA, 3, "bosutinib"), ae(LIPASE, 2, "asciminib"),
       ae(PLEURAL, 3, "dasatinib"),
       ae(["peripheral ischemia", "peripheral ischaemia", "peripheral arterial occlusive disease"], 3, "nilotinib")],
      [res("ABL1", "dasatinib")])

write("r23-12_pv-jak2-v617f-hydroxyurea-ruxolitinib.txt", 64, "female",
      [dx("PV", "polycythaemia vera", "polycythemia vera", "pv")],
      [alt("JAK2", "V617F", "c.1849G>T")],
      ["hydroxyurea", "ruxolitinib"],
      ["aspirin", "aciclovir"],
      [resp("ruxolitinib", "CR")],
      [ae(STOMATITIS, 2, "hydroxyurea"), ae(NAUSEA, 1, "hydroxyurea"), ae(ANEMIA, 2, "ruxolitinib"),
       ae(WEIGHT_GAIN, 1, "ruxolitinib"), ae(["herpes zoster", "shingles"], 2, "ruxolitinib")],
      [])

# ---------------- solid tumours (13-24) ----------------
write("r23-13_nsclc-egfr-l858r-osimertinib-met-amp-amivantamab-chemo.txt", 59, "female", [LUAD],
      [alt("EGFR", "L858R", "c.2573T>G"), alt("TP53", "Y220C"), MET_AMP],
      ["osimertinib", "amivantamab", "carboplatin", "pemetrexed"],
      ["doxycycline"],
      [resp("osimertinib", "PR"), resp("amivantamab", "PR"), resp("carboplatin", "PR"), resp("pemetrexed", "PR")],
      [ae(DIARRHEA, 1, "osimertinib"), ae(["paronychia"], 1, "osimertinib"), ae(IRR, 2, "amivantamab"),
       ae(ACNE, 3, "amivantamab"), ae(PERIPH_OED, 2, "amivantamab"), ae(THROMBO, 3, "carboplatin")],
      [res("MET", "osimertinib")])

write("r23-14_nsclc-egfr-ex19del-gefitinib-t790m-osimertinib-sclc-transformation.txt", 51, "male", [LUAD],
      [alt("EGFR", "exon 19 deletion", "E746_A750del", "p.E746_A750del", "p.Glu746_Ala750del", "c.2235_2249del",
           "ex19del"),
       alt("TP53", "R175H", "c.524G>A"), alt("EGFR", "T790M", "c.2369C>T"),
       alt("RB1", "homozygous deletion", "deletion", "loss", "deep deletion")],
      ["gefitinib", "osimertinib", "carboplatin", "etoposide"],
      [],
      [resp("gefitinib", "PR"), resp("osimertinib", "PR"), resp("carboplatin", "PR"), resp("etoposide", "PR")],
      [ae(ACNE, 2, "gefitinib"), ae(ALT_UP, 2, "gefitinib"), ae(["dry skin"], 1, "osimertinib"),
       ae(["ejection fraction decreased", "decreased ejection fraction", "left ventricular dysfunction"], 2,
          "osimertinib"),
       ae(FN, 3, "etoposide")],
      [res("EGFR", "gefitinib"), res("RB1", "osimertinib")])

write("r23-15_nsclc-cd74-ros1-crizotinib-brain-entrectinib-g2032r-repotrectinib.txt", 43, "female", [LUAD],
      [alt("ROS1", "fusion", "CD74::ROS1", "CD74-ROS1", "rearrangement", "CD74 exon 6::ROS1 exon 34"),
       alt("ROS1", "G2032R", "solvent-front mutation")],
      ["crizotinib", "entrectinib", "repotrectinib", "carboplatin", "pemetrexed"],
      [],
      [resp("crizotinib", "PR"), resp("entrectinib", "PR"), resp("repotrectinib", "SD")],
      [ae(["visual disturbance", "blurred vision", "visual impairment"], 1, "crizotinib"),
       ae(PERIPH_OED, 2, "crizotinib"), ae(WEIGHT_GAIN, 2, "entrectinib"), ae(["dizziness"], 2, "entrectinib"),
       ae(["ataxia"], 2, "repotrectinib"), ae(DYSGEUSIA, 1, "repotrectinib")],
      [res("ROS1", "entrectinib")])

write("r23-16_crc-kras-g12c-folfox-bev-sotorasib-panitumumab-nras-ftd.txt", 61, "male",
      [dx("COADREAD", "colorectal adenocarcinoma", "colorectal cancer", "colon cancer", "sigmoid adenocarcinoma",
          "metastatic colorectal cancer")],
      [KRAS_G12C, alt("APC", "R1450*", "nonsense"), alt("TP53", "R273H"), alt("NRAS", "Q61K", "c.181C>A")],
      ["fluorouracil", "leucovorin", "oxaliplatin", "bevacizumab", "sotorasib", "panitumumab", "trifluridine"],
      ["folfox", "folinic acid", "calcium folinate", "tipiracil", "trifluridine-tipiracil", "trifluridine/tipiracil"],
      [resp("fluorouracil", "PR"), resp("leucovorin", "PR"), resp("oxaliplatin", "PR"), resp("bevacizumab", "PR"),
       resp("sotorasib", "PR"), resp("panitumumab", "PR"), resp("trifluridine", "SD")],
      [ae(PSN, 2, "oxaliplatin"), ae(HTN, 2, "bevacizumab"), ae(ACNE, 2, "panitumumab"),
       ae(["hypomagnesemia", "hypomagnesaemia"], 2, "panitumumab"), ae(DIARRHEA, 2, "sotorasib"),
       ae(NEUTROPENIA, 3, "trifluridine")],
      [res("NRAS", "sotorasib"), res("NRAS", "panitumumab")])

write("r23-17_breast-her2-thp-brain-tucatinib-tdxd-ild.txt", 46, "female",
      [dx("IDC", "invasive ductal carcinoma", "breast cancer", "metastatic breast cancer", "her2-positive breast cancer")],
      [alt("ERBB2", "amplification", "amplified", "ERBB2 amplification", "HER2 amplification"),
       alt("PIK3CA", "H1047R", "c.3140A>G"), alt("TP53", "R248W")],
      ["docetaxel", "trastuzumab", "pertuzumab", "letrozole", "tucatinib", "capecitabine", "trastuzumab deruxtecan"],
      ["pegfilgrastim", "olanzapine", "prednisolone", "thp"],
      [resp("docetaxel", "PR"), resp("trastuzumab", "PR"), resp("pertuzumab", "PR"), resp("tucatinib", "PR"),
       resp("capecitabine", "PR"), resp("trastuzumab deruxtecan", "PR")],
      [ae(FN, 3, "docetaxel"), ae(DIARRHEA, 2, "tucatinib"), ae(PPE, 2, "capecitabine"), ae(ALT_UP, 1, "tucatinib"),
       ae(NAUSEA, 2, "trastuzumab deruxtecan"), ae(ALOPECIA, 1, "trastuzumab deruxtecan"),
       ae(PNEUMONITIS, 2, "trastuzumab deruxtecan")],
      [])

write("r23-18_prostate-goserelin-enzalutamide-psa-docetaxel-brca2-olaparib.txt", 71, "male",
      [dx("PRAD", "prostate adenocarcinoma", "prostate cancer", "metastatic prostate cancer",
          "castration-resistant prostate cancer", "mcrpc")],
      [alt("BRCA2", "E1308*", "c.3922G>T", "nonsense", "truncating"), alt("TP53", "R248Q")],
      ["goserelin", "enzalutamide", "docetaxel", "prednisone", "olaparib"],
      [],
      [resp("goserelin", "PR"), resp("enzalutamide", "PR"), resp("docetaxel", "SD"), resp("prednisone", "SD"),
       resp("olaparib", "PR")],
      [ae(FATIGUE, 2, "enzalutamide"), ae(["hot flashes", "hot flushes", "hot flash"], 1, "goserelin"),
       ae(PSN, 2, "docetaxel"), ae(["nail changes", "nail disorder", "nail discoloration"], 1, "docetaxel"),
       ae(ANEMIA, 3, "olaparib"), ae(NAUSEA, 1, "olaparib")],
      [])

write("r23-19_hgsoc-gbrca1-carboplatin-paclitaxel-niraparib-mirvetuximab.txt", 57, "female",
      [dx("HGSOC", "high-grade serous ovarian cancer", "high-grade serous carcinoma", "ovarian cancer",
          "high-grade serous ovarian carcinoma")],
      [alt("BRCA1", "c.68_69del", "E23Vfs*17", "p.E23Vfs*17", "p.Glu23Valfs*17", "185delAG", "frameshift", "germline"),
       alt("TP53", "R273H")],
      ["carboplatin", "paclitaxel", "niraparib", "doxorubicin", "mirvetuximab soravtansine"],
      ["amlodipine", "pegylated liposomal doxorubicin"],
      [resp("carboplatin", "CR"), resp("paclitaxel", "CR"), resp("doxorubicin", "PR"),
       resp("mirvetuximab soravtansine", "PR")],
      [ae(PSN, 2, "paclitaxel"), ae(THROMBO, 3, "niraparib"), ae(HTN, 2, "niraparib"), ae(["insomnia"], 1, "niraparib"),
       ae(STOMATITIS, 2, "doxorubicin"), ae(["blurred vision", "vision blurred"], 2, "mirvetuximab soravtansine"),
       ae(DRY_EYE, 1, "mirvetuximab soravtansine")],
      [])

write("r23-20_melanoma-braf-v600e-ipi-nivo-pseudoprogression-dabrafenib-trametinib-beyond.txt", 48, "male",
      [dx("SKCM", "cutaneous melanoma", "melanoma", "metastatic melanoma")],
      [BRAF_V600E, alt("ERBB4", "R106C", "variant of uncertain significance", "vus")],
      ["ipilimumab", "nivolumab", "dabrafenib", "trametinib"],
      ["prednisolone", "levothyroxine"],
      [resp("ipilimumab", "PR"), resp("nivolumab", "PR"), resp("dabrafenib", "PR"), resp("trametinib", "PR")],
      [ae(ALT_UP + ["hepatitis", "immune-related hepatitis"], 3, "ipilimumab"), ae(HYPOTHY, 2, "nivolumab"),
       ae(PYREXIA, 2, "dabrafenib"), ae(ACNE, 1, "trametinib")],
      [])

write("r23-21_gist-kit-exon11-imatinib-v654a-sunitinib-regorafenib-ripretinib.txt", 58, "male",
      [dx("GIST", "gastrointestinal stromal tumour", "gastrointestinal stromal tumor", "gist")],
      [alt("KIT", "W557_K558del", "p.W557_K558del", "p.Trp557_Lys558del", "c.1669_1674del", "exon 11 deletion"),
       alt("KIT", "V654A", "c.1961T>C", "exon 13 mutation")],
      ["imatinib", "sunitinib", "regorafenib", "ripretinib"],
      [],
      [resp("imatinib", "PR"), resp("sunitinib", "SD"), resp("regorafenib", "PD"), resp("ripretinib", "SD")],
      [ae(PERI_OED, 1, "imatinib"), ae(CRAMP, 1, "imatinib"), ae(ANEMIA, 2, "imatinib"), ae(HTN, 3, "sunitinib"),
       ae(PPE, 2, "sunitinib"), ae(FATIGUE, 3, "regorafenib"), ae(["dysphonia"], 2, "regorafenib"),
       ae(ALOPECIA, 1, "ripretinib"), ae(["myalgia"], 1, "ripretinib")],
      [res("KIT", "imatinib")])

write("r23-22_mtc-ret-m918t-vandetanib-selpercatinib-g810s-cabozantinib.txt", 45, "male",
      [dx("MTC", "medullary thyroid cancer", "medullary thyroid carcinoma", "mtc")],
      [alt("RET", "M918T", "c.2753T>C"), alt("RET", "G810S", "c.2428G>A", "solvent-front mutation")],
      ["vandetanib", "selpercatinib", "cabozantinib"],
      [],
      [resp("vandetanib", "SD"), resp("selpercatinib", "PR"), resp("cabozantinib", "SD")],
      [ae(QTC, 3, "vandetanib"), ae(DIARRHEA, 2, "vandetanib"), ae(ACNE, 2, "vandetanib"),
       ae(HTN, 3, "selpercatinib"), ae(ALT_UP, 2, "selpercatinib"), ae(["dry mouth"], 1, "selpercatinib"),
       ae(PPE, 3, "cabozantinib"), ae(["weight loss"], 2, "cabozantinib")],
      [res("RET", "selpercatinib")])

write("r23-23_nsclc-kras-g12c-two-patients-sotorasib-y96d-adagrasib-met-amp.txt", 64, "male", [LUAD],
      [KRAS_G12C, alt("TP53", "R158L"), alt("KRAS", "Y96D", "c.286T>G"), alt("STK11", "Q37*", "c.109C>T", "nonsense"),
       MET_AMP],
      ["carboplatin", "pemetrexed", "pembrolizumab", "sotorasib", "docetaxel", "adagrasib"],
      ["prednisolone"],
      [resp("carboplatin", "PR"), resp("pemetrexed", "PR"), resp("pembrolizumab", "PR"), resp("sotorasib", "PR"),
       resp("docetaxel", "SD"), resp("adagrasib", "SD")],
      [ae(PNEUMONITIS, 2, "pembrolizumab"), ae(PRURITUS, 1, "pembrolizumab"), ae(DIARRHEA, 2, "sotorasib"),
       ae(ALT_UP, 3, "sotorasib"), ae(NAUSEA, 2, "adagrasib"), ae(QTC, 2, "adagrasib")],
      [res("KRAS", "sotorasib"), res("MET", "adagrasib")])

write("r23-24_urothelial-fgfr3-two-patients-erdafitinib-v555m-enfortumab.txt", 69, "female",
      [dx("BLCA", "urothelial carcinoma", "bladder urothelial carcinoma", "urothelial carcinoma of the bladder",
          "muscle-invasive urothelial carcinoma", "bladder cancer")],
      [alt("FGFR3", "S249C", "c.746C>G"), alt("TERT", "C228T", "promoter", "promoter mutation", "c.-124C>T"),
       alt("FGFR3", "fusion", "FGFR3::TACC3", "FGFR3-TACC3", "rearrangement", "FGFR3 exon 17::TACC3 exon 11"),
       alt("FGFR3", "V555M", "c.1663G>A", "gatekeeper mutation")],
      ["gemcitabine", "cisplatin", "avelumab", "erdafitinib", "enfortumab vedotin", "pembrolizumab"],
      ["sevelamer"],
      [resp("gemcitabine", "PR"), resp("cisplatin", "PR"), resp("erdafitinib", "PR"),
       resp("enfortumab vedotin", "PR"), resp("pembrolizumab", "PR")],
      [ae(NEUTROPENIA, 3, "gemcitabine"), ae(IRR, 2, "avelumab"),
       ae(["hyperphosphatemia", "hyperphosphataemia"], 2, "erdafitinib"), ae(STOMATITIS, 2, "erdafitinib"),
       ae(["onycholysis"], 2, "erdafitinib"),
       ae(["central serous retinopathy", "retinopathy", "central serous chorioretinopathy"], 1, "erdafitinib"),
       ae(DRY_EYE, 1, "erdafitinib"), ae(PSN, 2, "enfortumab vedotin"), ae(MPRASH, 2, "enfortumab vedotin"),
       ae(HYPOTHY, 2, "pembrolizumab")],
      [res("FGFR3", "erdafitinib")])
