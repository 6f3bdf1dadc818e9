"""Compact gold specs for the r22 hold-out set (the molecular report inside the case: NGS/VAF/HGVS, fusions in all
notations, copy number, cytogenetics, negatives, VUS, germline vs somatic, clonal haematopoiesis, clonal evolution and
ctDNA); run `python3 build/specs.py` to write gold/."""
import sys, os
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
import goldlib
goldlib.OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "gold")
from goldlib import alt, dx, ae, resp, res, write

AML = dx("AML", "acute myeloid leukaemia", "acute myeloid leukemia", "aml")
LUAD = dx("LUAD", "lung adenocarcinoma", "adenocarcinoma of the lung", "non-small cell lung cancer", "nsclc")
PCM = dx("PCM", "multiple myeloma", "plasma cell myeloma", "myeloma", "igg kappa multiple myeloma")
CRC = dx("COADREAD", "colorectal adenocarcinoma", "colorectal cancer", "colon cancer", "metastatic colorectal cancer",
         "adenocarcinoma of the colon")
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
PYREXIA = ["pyrexia", "fever"]
NAUSEA = ["nausea"]
IRR = ["infusion related reaction", "infusion-related reaction"]
CRS = ["cytokine release syndrome", "crs"]
FATIGUE = ["fatigue"]
HYPERGLY = ["hyperglycemia", "hyperglycaemia"]
PRURITUS = ["pruritus"]
CONSTIP = ["constipation"]
ARTHRALGIA = ["arthralgia"]
ALOPECIA = ["alopecia"]
HYPOALB = ["hypoalbuminemia", "hypoalbuminaemia"]
HYPERPHOS = ["hyperphosphatemia", "hyperphosphataemia"]
STOMATITIS = ["stomatitis", "mucositis oral", "oral mucositis"]
WEIGHT_GAIN = ["weight gain"]
DYSGEUSIA = ["dysgeusia", "taste alteration"]
ABL1_FUSION = ("fusion", "BCR::ABL1", "BCR-ABL1", "t(9;22)", "rearrangement")
CDKN2A_DEL = alt("CDKN2A", "homozygous deletion", "deletion", "loss", "deep deletion")
KRAS_G12D = alt("KRAS", "G12D", "c.35G>A")

# ---------------- haematological (01-12) ----------------
write("r22-01_cml-e13a2-imatinib-f317l-nilotinib.txt", 47, "male",
      [dx("CMLBCRABL1", "chronic myeloid leukaemia", "chronic myeloid leukemia", "chronic myelogenous leukemia", "cml",
          "chronic-phase chronic myeloid leukaemia")],
      [alt("ABL1", *ABL1_FUSION, "e13a2", "b2a2"), alt("ABL1", "F317L", "c.949T>C")],
      ["imatinib", "nilotinib"],
      ["lisinopril"],
      [resp("imatinib", "PR"), resp("nilotinib", "CR", "PR")],
      [ae(PERI_OED, 1, "imatinib"), ae(DIARRHEA, 1, "imatinib"), ae(["lipase increased", "lipase increase"], 2,
                                                                     "nilotinib"),
       ae(HYPERGLY, 1, "nilotinib")],
      [res("ABL1", "imatinib")])

write("r22-02_aml-npm1-flt3itd-midostaurin-gilteritinib-nras.txt", 58, "female",
      [dx("AML", "acute myeloid leukaemia", "acute myeloid leukemia", "aml", "aml with mutated npm1")],
      [alt("NPM1", "W288Cfs*12", "p.W288Cfs*12", "p.Trp288Cysfs*12", "c.860_863dup", "type A", "frameshift"),
       alt("DNMT3A", "R882H", "c.2645G>A"),
       alt("FLT3", "ITD", "internal tandem duplication", "FLT3-ITD"),
       alt("NRAS", "G12S", "c.34G>A")],
      ["daunorubicin", "cytarabine", "midostaurin", "gilteritinib", "azacitidine", "venetoclax"],
      ["dexamethasone"],
      [resp("daunorubicin", "CR"), resp("cytarabine", "CR"), resp("midostaurin", "CR"),
       resp("gilteritinib", "CR", "PR"), resp("azacitidine", "SD"), resp("venetoclax", "SD")],
      [ae(FN, 3, "daunorubicin"), ae(NAUSEA, 2, "midostaurin"), ae(ALT_UP, 2, "gilteritinib"),
       ae(DS, 2, "gilteritinib"), ae(NEUTROPENIA, 4, "venetoclax")],
      [res("NRAS", "gilteritinib")])

write("r22-03_mds-del5q-sf3b1-lenalidomide-tp53-azacitidine.txt", 71, "female",
      [dx("MDSDEL5Q", "myelodysplastic syndrome with isolated del(5q)", "myelodysplastic syndrome",
          "myelodysplastic syndromes", "mds", "mds with isolated del(5q)", "del(5q) mds")],
      [alt("SF3B1", "K700E", "c.2098A>G"), alt("TP53", "R273H", "c.818G>A")],
      ["lenalidomide", "azacitidine"],
      ["levothyroxine"],
      [resp("lenalidomide", "CR"), resp("azacitidine", "SD")],
      [ae(NEUTROPENIA, 3, "lenalidomide"), ae(THROMBO, 3, "lenalidomide"), ae(PRURITUS, 1, "lenalidomide"),
       ae(["injection site reaction"], 1, "azacitidine"), ae(CONSTIP, 2, "azacitidine")],
      [res("TP53", "lenalidomide")])

write("r22-04_cll-tp53-ibrutinib-btk-c481s-plcg2-venetoclax.txt", 64, "male",
      [dx("CLLSLL", "chronic lymphocytic leukaemia", "chronic lymphocytic leukemia", "cll")],
      [alt("TP53", "R248Q", "c.743G>A"),
       alt("NOTCH1", "P2514Rfs*4", "p.P2514Rfs*4", "p.Pro2514Argfs*4", "c.7541_7542del", "frameshift"),
       alt("BTK", "C481S", "c.1442G>C"), alt("PLCG2", "R665W", "c.1993C>T")],
      ["ibrutinib", "venetoclax", "rituximab"],
      ["metformin", "amlodipine", "bisoprolol", "filgrastim", "loperamide"],
      [resp("ibrutinib", "PR"), resp("venetoclax", "CR"), resp("rituximab", "CR")],
      [ae(HTN, 2, "ibrutinib"), ae(["atrial fibrillation"], 2, "ibrutinib"), ae(IRR, 2, "rituximab"),
       ae(NEUTROPENIA, 3, "venetoclax"), ae(DIARRHEA, 1, "venetoclax")],
      [res("BTK", "ibrutinib"), res("PLCG2", "ibrutinib")])

write("r22-05_myeloma-nras-dvrd-teclistamab-tnfrsf17-talquetamab.txt", 59, "male",
      [PCM],
      [alt("NRAS", "Q61K", "c.181C>A"),
       alt("TNFRSF17", "homozygous deletion", "deletion", "biallelic deletion", "loss", "deep deletion")],
      ["daratumumab", "bortezomib", "lenalidomide", "dexamethasone", "teclistamab", "talquetamab"],
      ["melphalan", "immunoglobulin", "immunoglobulin replacement"],
      [resp("daratumumab", "CR", "PR"), resp("bortezomib", "CR", "PR"), resp("lenalidomide", "CR", "PR"),
       resp("dexamethasone", "CR", "PR"), resp("teclistamab", "PR"), resp("talquetamab", "PR")],
      [ae(PSN, 2, "bortezomib"), ae(NEUTROPENIA, 3, "lenalidomide"), ae(CRS, 1, "teclistamab"),
       ae(["pneumonia", "lung infection"], 3, "teclistamab"), ae(DYSGEUSIA, 2, "talquetamab"),
       ae(["nail changes", "nail toxicity", "nail disorder"], 1, "talquetamab"), ae(["weight loss"], 1, "talquetamab")],
      [res("TNFRSF17", "teclistamab")])

write("r22-06_aml-kmt2a-mllt3-revumenib-men1.txt", 42, "male",
      [dx("AML", "acute myeloid leukaemia", "acute myeloid leukemia", "aml", "acute monocytic leukaemia",
          "aml with kmt2a rearrangement", "kmt2a-rearranged acute myeloid leukaemia")],
      [alt("KMT2A", "fusion", "KMT2A::MLLT3", "KMT2A-MLLT3", "MLL-AF9", "t(9;11)", "rearrangement"),
       alt("KRAS", "G12V", "c.35G>T"), alt("MEN1", "M327I", "c.981G>A")],
      ["daunorubicin", "cytarabine", "revumenib", "azacitidine", "venetoclax"],
      ["posaconazole", "dexamethasone"],
      [resp("daunorubicin", "CR"), resp("cytarabine", "CR"), resp("revumenib", "CR"), resp("azacitidine", "PR"),
       resp("venetoclax", "PR")],
      [ae(FN, 3, "daunorubicin"), ae(STOMATITIS, 3, "daunorubicin"), ae(DS, 2, "revumenib"), ae(QTC, 2, "revumenib"),
       ae(NEUTROPENIA, 4, "venetoclax")],
      [res("MEN1", "revumenib")])

write("r22-07_fl-ezh2-y646n-r-benda-r2-tazemetostat.txt", 56, "female",
      [dx("FL", "follicular lymphoma", "grade 2 follicular lymphoma", "fl")],
      [alt("EZH2", "Y646N", "c.1936T>A", "Y641N", "p.Y641N"), alt("CREBBP", "R1446C", "c.4336C>T"),
       alt("KMT2D", "Q1882*", "c.5644C>T", "nonsense", "truncating"),
       alt("ARID1A", "G1847D", "variant of uncertain significance", "vus")],
      ["bendamustine", "rituximab", "lenalidomide", "tazemetostat"],
      ["antihistamine"],
      [resp("bendamustine", "CR"), resp("rituximab", "CR"), resp("lenalidomide", "PR"), resp("tazemetostat", "PR")],
      [ae(IRR, 1, "rituximab"), ae(NEUTROPENIA, 3, "bendamustine"), ae(MPRASH, 2, "lenalidomide"),
       ae(FATIGUE, 1, "tazemetostat"), ae(NAUSEA, 1, "tazemetostat"), ae(ANEMIA, 2, "tazemetostat")],
      [])

write("r22-08_et-calr-type1-hydroxyurea-ropeginterferon.txt", 39, "female",
      [dx("ET", "essential thrombocythaemia", "essential thrombocythemia", "et")],
      [alt("CALR", "L367Tfs*46", "p.L367Tfs*46", "p.Leu367Thrfs*46", "c.1092_1143del", "type 1",
           "52-bp deletion", "exon 9 deletion", "frameshift")],
      ["hydroxyurea", "ropeginterferon alfa-2b"],
      ["aspirin", "paracetamol", "ropeginterferon"],
      [resp("hydroxyurea", "PR"), resp("ropeginterferon alfa-2b", "CR")],
      [ae(["skin ulceration", "skin ulcer", "leg ulcer"], 2, "hydroxyurea"),
       ae(["flu like symptoms", "flu-like symptoms", "influenza like illness"], 1, "ropeginterferon alfa-2b"),
       ae(ALT_UP, 2, "ropeginterferon alfa-2b"), ae(["depression"], 1, "ropeginterferon alfa-2b")],
      [])

write("r22-09_hcl-braf-v600e-cladribine-vemurafenib-rituximab.txt", 61, "male",
      [dx("HCL", "hairy cell leukaemia", "hairy cell leukemia", "hcl", "classic hairy cell leukaemia")],
      [alt("BRAF", "V600E", "c.1799T>A"),
       alt("KLF2", "G158Afs*28", "p.G158Afs*28", "p.Gly158Alafs*28", "c.471del", "frameshift"),
       alt("CDKN1B", "P69L", "c.206C>T", "variant of uncertain significance", "vus")],
      ["cladribine", "vemurafenib", "rituximab"],
      ["allopurinol", "paracetamol"],
      [resp("cladribine", "CR"), resp("vemurafenib", "CR"), resp("rituximab", "CR")],
      [ae(FN, 3, "cladribine"), ae(MPRASH, 2, "vemurafenib"), ae(ARTHRALGIA, 2, "vemurafenib"),
       ae(["photosensitivity"], 1, "vemurafenib"), ae(IRR, 1, "rituximab")],
      [])

write("r22-10_aml-idh1-ivosidenib-azacitidine-idh2-isoform-switch.txt", 77, "female",
      [AML],
      [alt("IDH1", "R132H", "c.395G>A"), alt("SRSF2", "P95H"),
       alt("ASXL1", "G646Wfs*12", "p.G646Wfs*12", "p.Gly646Trpfs*12", "c.1934dup", "frameshift"),
       alt("IDH2", "R140Q", "c.419G>A")],
      ["ivosidenib", "azacitidine", "hydroxyurea"],
      ["dexamethasone"],
      [resp("ivosidenib", "CR"), resp("azacitidine", "CR")],
      [ae(DS, 2, "ivosidenib"), ae(QTC, 2, "ivosidenib"), ae(NEUTROPENIA, 3, "azacitidine")],
      [res("IDH2", "ivosidenib")])

write("r22-11_alcl-npm1-alk-bv-chp-crizotinib.txt", 20, "male",
      [dx("ALCLALKP", "alk-positive anaplastic large cell lymphoma", "anaplastic large cell lymphoma",
          "alcl", "alk-positive alcl", "anaplastic large cell lymphoma, alk positive")],
      [alt("ALK", "fusion", "NPM1::ALK", "NPM1-ALK", "t(2;5)", "rearrangement")],
      ["brentuximab vedotin", "cyclophosphamide", "doxorubicin", "prednisone", "crizotinib"],
      ["pegfilgrastim", "fludarabine", "treosulfan", "bv-chp", "brentuximab"],
      [resp("brentuximab vedotin", "CR"), resp("cyclophosphamide", "CR"), resp("doxorubicin", "CR"),
       resp("prednisone", "CR"), resp("crizotinib", "CR")],
      [ae(FN, 3, "doxorubicin"), ae(PSN, 2, "brentuximab vedotin"),
       ae(["blurred vision", "visual disturbance", "visual impairment"], 1, "crizotinib"),
       ae(DIARRHEA, 1, "crizotinib"), ae(ALT_UP, 2, "crizotinib")],
      [])

write("r22-12_ph-all-ikzf1plus-dasatinib-t315i-ponatinib-blinatumomab.txt", 52, "male",
      [dx("BLLBCRABL1", "b-lymphoblastic leukaemia with bcr::abl1", "b-lymphoblastic leukemia with bcr-abl1",
          "philadelphia-positive acute lymphoblastic leukaemia", "philadelphia chromosome-positive acute lymphoblastic leukaemia",
          "ph+ all", "acute lymphoblastic leukaemia", "acute lymphoblastic leukemia")],
      [alt("ABL1", *ABL1_FUSION, "e1a2", "p190"),
       alt("IKZF1", "deletion", "exon 4-7 deletion", "deletion of exons 4-7", "deletion of exons 4 to 7"),
       CDKN2A_DEL, alt("CDKN2B", "homozygous deletion", "deletion", "loss", "deep deletion"),
       alt("ABL1", "T315I", "c.944C>T")],
      ["dasatinib", "prednisone", "ponatinib", "blinatumomab"],
      ["amlodipine", "paracetamol", "dexamethasone"],
      [resp("dasatinib", "CR"), resp("prednisone", "CR"), resp("ponatinib", "CR"), resp("blinatumomab", "CR")],
      [ae(THROMBO, 3, "dasatinib"), ae(["pleural effusion"], 2, "dasatinib"), ae(CRS, 1, "blinatumomab"),
       ae(["tremor"], 1, "blinatumomab"), ae(HTN, 2, "ponatinib")],
      [res("ABL1", "dasatinib")])

# ---------------- solid tumours (13-24) ----------------
write("r22-13_nsclc-eml4-alk-v3-alectinib-g1202r-lorlatinib.txt", 44, "female",
      [LUAD],
      [alt("ALK", "fusion", "EML4::ALK", "EML4-ALK", "rearrangement", "variant 3", "EML4 exon 6-ALK exon 20"),
       alt("TP53", "R175H", "c.524G>A"), alt("ALK", "G1202R", "c.3604G>A", "solvent-front mutation")],
      ["alectinib", "lorlatinib"],
      ["statin", "fibrate"],
      [resp("alectinib", "PR"), resp("lorlatinib", "PR")],
      [ae(["creatine phosphokinase increased", "cpk increased", "creatine kinase increased"], 2, "alectinib"),
       ae(CONSTIP, 1, "alectinib"), ae(ANEMIA, 2, "alectinib"),
       ae(["hypercholesterolemia", "hypercholesterolaemia"], 2, "lorlatinib"),
       ae(["hypertriglyceridemia", "hypertriglyceridaemia"], 2, "lorlatinib"), ae(WEIGHT_GAIN, 2, "lorlatinib"),
       ae(["peripheral edema", "peripheral oedema", "edema limbs", "oedema"], 1, "lorlatinib")],
      [res("ALK", "alectinib")])

write("r22-14_nsclc-egfr-ex20ins-amivantamab-carboplatin-pemetrexed.txt", 61, "male",
      [LUAD],
      [alt("EGFR", "exon 20 insertion", "A767_V769dup", "p.A767_V769dup", "p.Ala767_Val769dup", "c.2300_2308dup",
           "ex20ins", "exon 20 duplication"),
       alt("TP53", "R248Q", "c.743G>A"), CDKN2A_DEL],
      ["amivantamab", "carboplatin", "pemetrexed"],
      ["denosumab"],
      [resp("amivantamab", "PR"), resp("carboplatin", "PR"), resp("pemetrexed", "PR")],
      [ae(IRR, 2, "amivantamab"), ae(ACNE, 2, "amivantamab"), ae(["paronychia"], 2, "amivantamab"),
       ae(HYPOALB, 2, "amivantamab"), ae(NEUTROPENIA, 3, "carboplatin")],
      [])

write("r22-15_nsclc-met-ex14-splice-tepotinib-d1228n-docetaxel.txt", 79, "female",
      [LUAD],
      [alt("MET", "exon 14 skipping", "c.3028+1G>T", "splice donor", "splice-site mutation", "METex14",
           "exon 14 splice site"),
       alt("MDM2", "amplification", "amplified", "MDM2 amplification"),
       alt("MET", "D1228N", "kinase domain mutation")],
      ["tepotinib", "docetaxel"],
      ["apixaban"],
      [resp("tepotinib", "PR"), resp("docetaxel", "SD")],
      [ae(["peripheral edema", "peripheral oedema", "edema limbs", "oedema"], 2, "tepotinib"),
       ae(HYPOALB, 2, "tepotinib"), ae(["creatinine increased", "blood creatinine increased"], 1, "tepotinib"),
       ae(FATIGUE, 2, "docetaxel"), ae(ALOPECIA, 1, "docetaxel")],
      [res("MET", "tepotinib")])

write("r22-16_crc-braf-v600e-folfox-bev-encorafenib-cetuximab-kras.txt", 66, "female",
      [CRC],
      [alt("BRAF", "V600E", "c.1799T>A"), alt("APC", "R1114*", "c.3340C>T"), KRAS_G12D, alt("KRAS", "Q61H")],
      ["fluorouracil", "leucovorin", "oxaliplatin", "bevacizumab", "encorafenib", "cetuximab", "trifluridine"],
      ["levothyroxine", "folfox", "folinic acid", "calcium folinate", "tipiracil", "trifluridine-tipiracil",
       "trifluridine/tipiracil"],
      [resp("fluorouracil", "SD"), resp("leucovorin", "SD"), resp("oxaliplatin", "SD"), resp("bevacizumab", "SD"),
       resp("encorafenib", "PR"), resp("cetuximab", "PR"), resp("trifluridine", "SD")],
      [ae(PSN, 2, "oxaliplatin"), ae(HTN, 2, "bevacizumab"), ae(ACNE, 2, "cetuximab"),
       ae(ARTHRALGIA, 1, "encorafenib"), ae(FATIGUE, 2, "encorafenib"), ae(NEUTROPENIA, 3, "trifluridine")],
      [res("KRAS", "encorafenib"), res("KRAS", "cetuximab")])

write("r22-17_breast-pik3ca-letrozole-palbociclib-esr1-y537s-elacestrant.txt", 63, "female",
      [dx("IDC", "invasive ductal carcinoma", "breast cancer", "metastatic breast cancer",
          "hormone receptor-positive breast cancer")],
      [alt("PIK3CA", "H1047R", "c.3140A>G"),
       alt("CDH1", "A592T", "c.1774G>A", "variant of uncertain significance", "vus", "germline"),
       alt("ESR1", "Y537S", "c.1610A>C")],
      ["anastrozole", "letrozole", "palbociclib", "elacestrant"],
      ["denosumab"],
      [resp("letrozole", "PR"), resp("palbociclib", "PR"), resp("elacestrant", "SD")],
      [ae(NEUTROPENIA, 3, "palbociclib"), ae(ARTHRALGIA, 1, "letrozole"), ae(NAUSEA, 2, "elacestrant"),
       ae(["hypercholesterolemia", "hypercholesterolaemia"], 1, "elacestrant")],
      [res("ESR1", "letrozole")])

write("r22-18_gastric-erbb2-amp-trastuzumab-capox-pembrolizumab-ramucirumab.txt", 57, "male",
      [dx("STAD", "gastric adenocarcinoma", "stomach adenocarcinoma", "gastric cancer",
          "intestinal-type gastric adenocarcinoma")],
      [alt("ERBB2", "amplification", "amplified", "ERBB2 amplification", "HER2 amplification"),
       alt("TP53", "G245S", "c.733G>A"), alt("CCNE1", "amplification", "amplified", "CCNE1 amplification")],
      ["trastuzumab", "capecitabine", "oxaliplatin", "pembrolizumab", "ramucirumab", "paclitaxel"],
      ["omeprazole", "levothyroxine", "capox"],
      [resp("trastuzumab", "PR"), resp("capecitabine", "PR"), resp("oxaliplatin", "PR"), resp("pembrolizumab", "PR"),
       resp("ramucirumab", "SD"), resp("paclitaxel", "SD")],
      [ae(PPE, 2, "capecitabine"), ae(PSN, 1, "oxaliplatin"),
       ae(["ejection fraction decreased", "decreased ejection fraction", "left ventricular dysfunction"], 2,
          "trastuzumab"),
       ae(HYPOTHY, 2, "pembrolizumab"), ae(NEUTROPENIA, 3, "paclitaxel"), ae(HTN, 2, "ramucirumab")],
      [])

write("r22-19_thyroid-etv6-ntrk3-larotrectinib-g623r-repotrectinib.txt", 34, "female",
      [dx("THPA", "papillary thyroid carcinoma", "papillary thyroid cancer", "thyroid cancer",
          "radioiodine-refractory papillary thyroid carcinoma")],
      [alt("NTRK3", "fusion", "ETV6::NTRK3", "ETV6-NTRK3", "rearrangement", "ETV6 exon 5::NTRK3 exon 15"),
       alt("TERT", "C250T", "promoter", "promoter mutation", "c.-146C>T"),
       alt("NTRK3", "G623R", "solvent-front mutation")],
      ["larotrectinib", "repotrectinib"],
      ["levothyroxine", "radioactive iodine", "radioiodine", "iodine-131"],
      [resp("larotrectinib", "PR"), resp("repotrectinib", "PR")],
      [ae(ALT_UP, 2, "larotrectinib"), ae(WEIGHT_GAIN, 1, "larotrectinib"), ae(["dizziness"], 2, "repotrectinib"),
       ae(DYSGEUSIA, 1, "repotrectinib"), ae(["paresthesia", "paraesthesia"], 1, "repotrectinib")],
      [res("NTRK3", "larotrectinib")])

write("r22-20_melanoma-braf-v600k-dabrafenib-trametinib-nras-ipi-nivo.txt", 71, "male",
      [dx("SKCM", "cutaneous melanoma", "melanoma", "metastatic melanoma")],
      [alt("BRAF", "V600K", "c.1798_1799delinsAA", "c.1798_1799delGTinsAA"), CDKN2A_DEL,
       alt("TERT", "C228T", "promoter", "promoter mutation", "c.-124C>T"), alt("NRAS", "Q61K", "c.181C>A")],
      ["dabrafenib", "trametinib", "ipilimumab", "nivolumab"],
      ["metformin", "methylprednisolone", "infliximab", "levothyroxine"],
      [resp("dabrafenib", "PR"), resp("trametinib", "PR"), resp("ipilimumab", "PR"), resp("nivolumab", "PR")],
      [ae(PYREXIA, 2, "dabrafenib"), ae(ACNE, 2, "trametinib"), ae(["colitis", "immune-related colitis"], 3,
                                                                    "ipilimumab"),
       ae(HYPOTHY, 2, "nivolumab")],
      [res("NRAS", "dabrafenib"), res("NRAS", "trametinib")])

write("r22-21_icca-fgfr2-bicc1-gemcis-durvalumab-pemigatinib-v564f-futibatinib.txt", 48, "female",
      [dx("IHCH", "intrahepatic cholangiocarcinoma", "cholangiocarcinoma", "icca", "biliary tract cancer")],
      [alt("FGFR2", "fusion", "FGFR2::BICC1", "FGFR2-BICC1", "rearrangement", "FGFR2 exon 17::BICC1 exon 3"),
       alt("BAP1", "Q593*", "c.1777C>T", "truncating"), alt("FGFR2", "V564F", "c.1690G>T", "gatekeeper mutation")],
      ["gemcitabine", "cisplatin", "durvalumab", "pemigatinib", "futibatinib"],
      ["sevelamer"],
      [resp("gemcitabine", "SD"), resp("cisplatin", "SD"), resp("durvalumab", "SD"), resp("pemigatinib", "PR"),
       resp("futibatinib", "SD")],
      [ae(THROMBO, 3, "gemcitabine"), ae(NAUSEA, 2, "cisplatin"), ae(HYPERPHOS, 2, "pemigatinib"),
       ae(["onycholysis"], 2, "pemigatinib"), ae(STOMATITIS, 2, "pemigatinib"), ae(["dry eye"], 1, "pemigatinib"),
       ae(ALOPECIA, 1, "futibatinib"), ae(DIARRHEA, 1, "futibatinib")],
      [res("FGFR2", "pemigatinib")])

write("r22-22_pancreas-gbrca2-kras-folfirinox-olaparib-reversion.txt", 55, "male",
      [dx("PAAD", "pancreatic adenocarcinoma", "pancreatic ductal adenocarcinoma", "pancreatic cancer")],
      [alt("BRCA2", "c.5946del", "S1982Rfs*22", "p.S1982Rfs*22", "p.Ser1982Argfs*22", "6174delT", "c.5946delT",
           "frameshift", "germline"),
       KRAS_G12D, alt("TP53", "R175H", "c.524G>A"), CDKN2A_DEL,
       alt("BRCA2", "reversion", "reversion mutation", "c.5955_5956del")],
      ["fluorouracil", "leucovorin", "irinotecan", "oxaliplatin", "olaparib", "gemcitabine", "paclitaxel"],
      ["atorvastatin", "pegfilgrastim", "metoclopramide", "folfirinox", "nab-paclitaxel", "folinic acid",
       "calcium folinate"],
      [resp("fluorouracil", "PR"), resp("leucovorin", "PR"), resp("irinotecan", "PR"), resp("oxaliplatin", "PR"),
       resp("olaparib", "SD"), resp("gemcitabine", "SD"), resp("paclitaxel", "SD")],
      [ae(DIARRHEA, 3, "irinotecan"), ae(PSN, 2, "oxaliplatin"), ae(FN, 3, "fluorouracil"),
       ae(ANEMIA, 3, "olaparib"), ae(NAUSEA, 1, "olaparib"), ae(NEUTROPENIA, 3, "paclitaxel")],
      [res("BRCA2", "olaparib")])

write("r22-23_crc-lynch-msh2-splice-msi-pembrolizumab.txt", 44, "male",
      [CRC],
      [alt("MSH2", "c.942+3A>T", "splice-site variant", "splice site", "germline", "exon 5 skipping"),
       alt("MSH2", "R389*", "c.1165C>T", "nonsense", "truncating"),
       alt("KRAS", "G13D", "c.38G>A"), alt("PIK3CA", "E542K", "c.1624G>A"),
       alt("ACVR2A", "frameshift", "frameshift mutation"), alt("RNF43", "frameshift", "frameshift mutation")],
      ["pembrolizumab"],
      ["prednisolone", "levothyroxine"],
      [resp("pembrolizumab", "CR")],
      [ae(["arthritis", "immune-related arthritis", "inflammatory arthritis"], 2, "pembrolizumab"),
       ae(PRURITUS, 1, "pembrolizumab"), ae(HYPOTHY, 2, "pembrolizumab")],
      [])

write("r22-24_prostate-tmprss2-erg-pten-abiraterone-ar-t878a-lu-psma.txt", 68, "male",
      [dx("PRAD", "prostate adenocarcinoma", "prostate cancer", "metastatic prostate cancer",
          "metastatic castration-resistant prostate cancer", "mcrpc")],
      [alt("ERG", "fusion", "TMPRSS2::ERG", "TMPRSS2-ERG", "rearrangement"),
       alt("PTEN", "homozygous deletion", "deletion", "loss", "deep deletion"),
       alt("TP53", "R273C", "c.817C>T"), alt("AR", "amplification", "amplified", "AR amplification"),
       alt("AR", "T878A", "c.2632A>G", "T877A", "p.T877A")],
      ["degarelix", "docetaxel", "abiraterone", "lutetium lu 177 vipivotide tetraxetan"],
      ["amlodipine", "prednisolone", "potassium", "177lu-psma-617", "lu-psma"],
      [resp("degarelix", "PR"), resp("docetaxel", "PR"), resp("abiraterone", "PR"),
       resp("lutetium lu 177 vipivotide tetraxetan", "PR")],
      [ae(FN, 3, "docetaxel"), ae(["hypokalemia", "hypokalaemia"], 2, "abiraterone"),
       ae(["dry mouth"], 1, "lutetium lu 177 vipivotide tetraxetan"),
       ae(THROMBO, 2, "lutetium lu 177 vipivotide tetraxetan"), ae(ANEMIA, 2, "lutetium lu 177 vipivotide tetraxetan")],
      [res("AR", "abiraterone")])
