"""Compact gold specs for the r20 hold-out set (dense reports: PubMed-style abstracts and short full texts with a
timeline paragraph or a text-table treatment course); run `python3 build/specs.py` to write gold/."""
import sys, os
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
import goldlib
goldlib.OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "gold")
from goldlib import alt, dx, ae, resp, res, write

AML = dx("AML", "acute myeloid leukaemia", "acute myeloid leukemia", "aml")
LUAD = dx("LUAD", "lung adenocarcinoma", "adenocarcinoma of the lung", "non-small cell lung cancer", "nsclc")
NEUTROPENIA = ["neutrophil count decreased", "neutropenia"]
THROMBO = ["platelet count decreased", "thrombocytopenia"]
ALT_UP = ["alanine aminotransferase increased", "alt increased", "alanine aminotransferase", "alt increase"]
DIARRHEA = ["diarrhea", "diarrhoea"]
PSN = ["peripheral sensory neuropathy", "peripheral neuropathy", "neuropathy"]
QTC = ["electrocardiogram qt corrected interval prolonged", "qtc prolongation", "qt prolongation"]
HTN = ["hypertension"]
FN = ["febrile neutropenia", "neutropenic fever"]
PPE = ["palmar-plantar erythrodysesthesia syndrome", "palmar-plantar erythrodysaesthesia", "hand-foot syndrome", "ppe"]
DS = ["differentiation syndrome", "ds"]
HYPOTHY = ["hypothyroidism"]
ACNE = ["dermatitis acneiform", "acneiform rash", "rash acneiform", "acneiform eruption"]
MPRASH = ["rash maculopapular", "maculopapular rash", "rash"]
ANEMIA = ["anemia", "anaemia"]
PERI_OED = ["periorbital edema", "periorbital oedema", "eyelid oedema"]
PE_OED = ["peripheral edema", "peripheral oedema", "edema limbs"]
PYREXIA = ["pyrexia", "fever"]
CPK = ["cpk increased", "creatine phosphokinase increased", "cpk increase", "creatine kinase increased"]
NAUSEA = ["nausea"]
BRAF_V600E = alt("BRAF", "V600E", "c.1799T>A")
ABL1_FUSION = ("fusion", "BCR::ABL1", "BCR-ABL1", "t(9;22)", "rearrangement")
HU_OPT = ["hydroxycarbamide"]

# ---------------- haematological (01-12) ----------------
# 01-06 abstracts (01, 03, 05 structured; 02, 04, 06 unstructured)
write("r20-01_cml-imatinib-dasatinib-t315i-ponatinib.txt", 46, "male",
      [dx("CMLBCRABL1", "chronic myeloid leukaemia", "chronic myeloid leukemia", "chronic myelogenous leukemia", "cml",
          "chronic-phase chronic myeloid leukaemia")],
      [alt("ABL1", *ABL1_FUSION, "e13a2"), alt("ABL1", "T315I", "c.944C>T")],
      ["imatinib", "dasatinib", "ponatinib"],
      ["amlodipine", "sti571"],
      [resp("dasatinib", "PR", "CR"), resp("ponatinib", "CR", "PR")],
      [ae(MPRASH, 3, "imatinib"), ae(["pleural effusion"], 3, "dasatinib"), ae(HTN, 2, "ponatinib")],
      [res("ABL1", "dasatinib")])

write("r20-02_aml-npm1-flt3-midostaurin-gilteritinib-ds.txt", 58, "female",
      [AML],
      [alt("NPM1", "W288Cfs*12", "p.W288Cfs*12", "c.860_863dup", "type A", "insertion", "frameshift"),
       alt("FLT3", "ITD", "internal tandem duplication", "FLT3-ITD")],
      ["daunorubicin", "cytarabine", "midostaurin", "gilteritinib"],
      ["dexamethasone"],
      [resp("daunorubicin", "CR"), resp("cytarabine", "CR"), resp("midostaurin", "CR"),
       resp("gilteritinib", "CR", "PR")],
      [ae(FN, 3, "daunorubicin"), ae(DS, 2, "gilteritinib")],
      [])

write("r20-03_aml-idh1-ivosidenib-s280f.txt", 78, "male",
      [dx("AMLMRC", "acute myeloid leukaemia with myelodysplasia-related changes",
          "acute myeloid leukemia with myelodysplasia-related changes", "acute myeloid leukaemia",
          "acute myeloid leukemia", "aml")],
      [alt("IDH1", "R132H", "c.395G>A"), alt("IDH1", "S280F", "c.839C>T")],
      ["azacitidine", "ivosidenib", "hydroxyurea", "venetoclax"],
      ["dexamethasone", "potassium"] + HU_OPT,
      [resp("azacitidine", "CR"), resp("ivosidenib", "CR"), resp("venetoclax", "PD")],
      [ae(DS, 2, "ivosidenib"), ae(QTC, 2, "ivosidenib")],
      [res("IDH1", "ivosidenib")])

write("r20-04_cll-tp53-ibrutinib-btk-c481s-pirtobrutinib.txt", 71, "female",
      [dx("CLLSLL", "chronic lymphocytic leukaemia", "chronic lymphocytic leukemia", "cll")],
      [alt("TP53", "R273C", "c.817C>T"), alt("BTK", "C481S", "c.1442G>C")],
      ["ibrutinib", "pirtobrutinib"],
      ["ramipril"],
      [resp("ibrutinib", "PR"), resp("pirtobrutinib", "PR")],
      [ae(HTN, 2, "ibrutinib"), ae(NEUTROPENIA, 3, "pirtobrutinib"), ae(["contusion", "bruising"], 1, "pirtobrutinib")],
      [res("BTK", "ibrutinib")])

write("r20-05_pmf-jak2-hydroxyurea-ruxolitinib-momelotinib.txt", 67, "male",
      [dx("PMF", "primary myelofibrosis", "myelofibrosis")],
      [alt("JAK2", "V617F", "c.1849G>T")],
      ["hydroxyurea", "ruxolitinib", "momelotinib"],
      HU_OPT,
      [resp("ruxolitinib", "PR", "SD"), resp("momelotinib", "SD")],
      [ae(ANEMIA, 3, "ruxolitinib"), ae(THROMBO, 2, "ruxolitinib"), ae(DIARRHEA, 1, "momelotinib")],
      [])

write("r20-06_apl-pml-rara-atra-ato-ds.txt", 34, "female",
      [dx("APLPMLRARA", "acute promyelocytic leukaemia", "acute promyelocytic leukemia", "apl")],
      [alt("RARA", "fusion", "PML::RARA", "PML-RARA", "t(15;17)", "t(15;17)(q24;q21)", "bcr1", "rearrangement")],
      ["tretinoin", "arsenic trioxide", "hydroxyurea"],
      ["all-trans retinoic acid", "atra", "ato", "dexamethasone", "potassium", "magnesium"] + HU_OPT,
      [resp("tretinoin", "CR"), resp("arsenic trioxide", "CR")],
      [ae(DS, 3, "tretinoin"), ae(QTC, 2, "arsenic trioxide")],
      [])

# 07-12 short full texts (07, 09, 12 Table 1; 08, 10, 11 timeline paragraph)
write("r20-07_hcl-braf-cladribine-vemurafenib-rituximab.txt", 52, "male",
      [dx("HCL", "hairy cell leukaemia", "hairy cell leukemia", "hcl")],
      [BRAF_V600E],
      ["cladribine", "vemurafenib", "rituximab"],
      ["allopurinol", "piperacillin-tazobactam", "piperacillin", "tazobactam", "2-cda"],
      [resp("cladribine", "CR"), resp("vemurafenib", "CR"), resp("rituximab", "CR")],
      [ae(FN, 3, "cladribine"), ae(["arthralgia"], 2, "vemurafenib"), ae(MPRASH, 1, "vemurafenib")],
      [])

write("r20-08_mln-eo-fip1l1-pdgfra-imatinib.txt", 41, "male",
      [dx("MLNER", "myeloid neoplasm with eosinophilia and pdgfra rearrangement",
          "myeloid/lymphoid neoplasm with eosinophilia and pdgfra rearrangement",
          "myeloid/lymphoid neoplasms with eosinophilia", "myeloid neoplasm with eosinophilia")],
      [alt("PDGFRA", "fusion", "FIP1L1::PDGFRA", "FIP1L1-PDGFRA", "rearrangement", "CHIC2 deletion")],
      ["hydroxyurea", "imatinib"],
      ["prednisone", "warfarin", "loperamide", "glivec"] + HU_OPT,
      [resp("imatinib", "CR")],
      [ae(PERI_OED, 1, "imatinib"), ae(DIARRHEA, 2, "imatinib")],
      [])

write("r20-09_aml-kmt2a-revumenib-men1.txt", 39, "female",
      [dx("AML", "acute myeloid leukaemia", "acute myeloid leukemia", "aml",
          "acute myeloid leukaemia with kmt2a rearrangement")],
      [alt("KMT2A", "fusion", "KMT2A::MLLT3", "KMT2A-MLLT3", "t(9;11)", "t(9;11)(p21.3;q23.3)", "rearrangement"),
       alt("NRAS", "G12D"), alt("MEN1", "M327I", "c.981G>A")],
      ["daunorubicin", "cytarabine", "fludarabine", "idarubicin", "revumenib", "hydroxyurea"],
      ["posaconazole", "dexamethasone", "flag-ida"] + HU_OPT,
      [resp("daunorubicin", "CR"), resp("cytarabine", "CR"), resp("fludarabine", "PD"), resp("idarubicin", "PD"),
       resp("revumenib", "CR", "PR")],
      [ae(FN, 3, "daunorubicin"), ae(DS, 2, "revumenib"), ae(QTC, 3, "revumenib")],
      [res("MEN1", "revumenib")])

write("r20-10_fl-ezh2-br-r2-tazemetostat.txt", 63, "female",
      [dx("FL", "follicular lymphoma")],
      [alt("EZH2", "Y646N", "c.1936T>A"), alt("CREBBP", "R1446C"), alt("KMT2D", "Q3612*", "truncation")],
      ["bendamustine", "rituximab", "lenalidomide", "tazemetostat"],
      ["metformin", "pegfilgrastim", "prednisone", "antihistamines"],
      [resp("bendamustine", "CR"), resp("rituximab", "CR"), resp("lenalidomide", "PR"), resp("tazemetostat", "PR")],
      [ae(["infusion related reaction", "infusion-related reaction"], 2, "rituximab"), ae(NEUTROPENIA, 3, "lenalidomide"),
       ae(MPRASH, 2, "lenalidomide"), ae(NAUSEA, 1, "tazemetostat"), ae(["alopecia"], 2, "tazemetostat")],
      [])

write("r20-11_lch-map2k1-cytarabine-cobimetinib.txt", 37, "female",
      [dx("LCH", "langerhans cell histiocytosis", "multisystem langerhans cell histiocytosis", "lch")],
      [alt("MAP2K1", "K57N", "c.171G>T")],
      ["cytarabine", "cobimetinib"],
      ["desmopressin", "doxycycline", "ara-c"],
      [resp("cytarabine", "PR"), resp("cobimetinib", "CR")],
      [ae(NEUTROPENIA, 3, "cytarabine"), ae(ACNE, 2, "cobimetinib"), ae(CPK, 2, "cobimetinib")],
      [])

write("r20-12_alcl-npm1-alk-bv-chp-crizotinib.txt", 24, "male",
      [dx("ALCLALKP", "alk-positive anaplastic large cell lymphoma", "anaplastic large cell lymphoma", "alcl")],
      [alt("ALK", "fusion", "NPM1::ALK", "NPM1-ALK", "t(2;5)", "t(2;5)(p23;q35)", "rearrangement")],
      ["brentuximab vedotin", "cyclophosphamide", "doxorubicin", "prednisone", "crizotinib"],
      ["pegfilgrastim", "bv-chp", "chp", "brentuximab"],
      [resp("brentuximab vedotin", "CR"), resp("cyclophosphamide", "CR"), resp("doxorubicin", "CR"),
       resp("prednisone", "CR"), resp("crizotinib", "CR")],
      [ae(PSN, 2, "brentuximab vedotin"), ae(FN, 3, "doxorubicin"),
       ae(["visual disturbance", "visual disturbances", "vision disorder", "visual impairment"], 1, "crizotinib"),
       ae(NAUSEA, 1, "crizotinib"), ae(NEUTROPENIA, 3, "crizotinib")],
      [])

# ---------------- solid tumours (13-24) ----------------
# 13-18 abstracts (13, 15, 17 structured; 14, 16, 18 unstructured)
write("r20-13_nsclc-egfr-l858r-gefitinib-t790m-osimertinib-c797s.txt", 64, "female",
      [LUAD],
      [alt("EGFR", "L858R", "c.2573T>G"), alt("EGFR", "T790M", "c.2369C>T"), alt("EGFR", "C797S", "c.2390G>C")],
      ["gefitinib", "osimertinib", "carboplatin", "pemetrexed"],
      ["iressa", "tagrisso"],
      [resp("gefitinib", "PR"), resp("osimertinib", "PR"), resp("carboplatin", "SD"), resp("pemetrexed", "SD")],
      [ae(ALT_UP, 3, "gefitinib"), ae(["paronychia"], 2, "osimertinib"), ae(["fatigue"], 2, "carboplatin")],
      [res("EGFR", "gefitinib"), res("EGFR", "osimertinib")])

write("r20-14_crc-braf-folfox-bev-encorafenib-cetuximab.txt", 57, "male",
      [dx("COADREAD", "colorectal adenocarcinoma", "colon adenocarcinoma", "colorectal cancer", "colon cancer",
          "metastatic colorectal cancer")],
      [BRAF_V600E],
      ["fluorouracil", "leucovorin", "oxaliplatin", "bevacizumab", "encorafenib", "cetuximab"],
      ["folfox", "folinic acid", "calcium folinate", "amlodipine", "doxycycline"],
      [resp("fluorouracil", "PR"), resp("leucovorin", "PR"), resp("oxaliplatin", "PR"), resp("bevacizumab", "PR"),
       resp("encorafenib", "PR"), resp("cetuximab", "PR")],
      [ae(PSN, 2, "oxaliplatin"), ae(HTN, 2, "bevacizumab"), ae(ACNE, 2, "cetuximab"),
       ae(["arthralgia"], 1, "encorafenib")],
      [])

write("r20-15_melanoma-braf-v600k-ipi-nivo-colitis-dabrafenib-trametinib.txt", 59, "male",
      [dx("SKCM", "cutaneous melanoma", "melanoma", "metastatic melanoma")],
      [alt("BRAF", "V600K", "c.1798_1799delinsAA")],
      ["nivolumab", "ipilimumab", "dabrafenib", "trametinib"],
      ["methylprednisolone", "infliximab"],
      [resp("nivolumab", "SD"), resp("ipilimumab", "SD"), resp("dabrafenib", "PR"), resp("trametinib", "PR")],
      [ae(["colitis", "immune-related colitis"], 3, "ipilimumab"), ae(PYREXIA, 2, "dabrafenib")],
      [])

write("r20-16_breast-pik3ca-letrozole-palbociclib-esr1-fulvestrant-alpelisib.txt", 61, "female",
      [dx("IDC", "invasive ductal carcinoma", "breast cancer", "metastatic breast cancer",
          "hormone receptor-positive, her2-negative metastatic breast cancer")],
      [alt("PIK3CA", "H1047R", "c.3140A>G"), alt("ESR1", "Y537S", "c.1610A>C")],
      ["letrozole", "palbociclib", "fulvestrant", "alpelisib"],
      ["cetirizine", "metformin", "insulin"],
      [resp("letrozole", "PR"), resp("palbociclib", "PR"), resp("fulvestrant", "SD"), resp("alpelisib", "SD")],
      [ae(NEUTROPENIA, 3, "palbociclib"), ae(MPRASH, 2, "alpelisib"),
       ae(["hyperglycemia", "hyperglycaemia"], 3, "alpelisib")],
      [res("ESR1", "letrozole")])

write("r20-17_icca-fgfr2-pemigatinib-v565f-futibatinib.txt", 48, "female",
      [dx("IHCH", "intrahepatic cholangiocarcinoma", "cholangiocarcinoma", "icca")],
      [alt("FGFR2", "fusion", "FGFR2::BICC1", "FGFR2-BICC1", "rearrangement"), alt("FGFR2", "V565F")],
      ["gemcitabine", "cisplatin", "durvalumab", "pemigatinib", "futibatinib"],
      [],
      [resp("gemcitabine", "SD"), resp("cisplatin", "SD"), resp("durvalumab", "SD"), resp("pemigatinib", "PR"),
       resp("futibatinib", "PD")],
      [ae(THROMBO, 3, "gemcitabine"), ae(HYPOTHY, 2, "durvalumab"),
       ae(["hyperphosphatemia", "hyperphosphataemia"], 1, "pemigatinib"),
       ae(["stomatitis", "mucositis oral", "oral mucositis"], 2, "pemigatinib")],
      [res("FGFR2", "pemigatinib")])

write("r20-18_gist-pdgfra-d842v-imatinib-avapritinib.txt", 66, "male",
      [dx("GIST", "gastrointestinal stromal tumour", "gastrointestinal stromal tumor", "gist")],
      [alt("PDGFRA", "D842V", "c.2525A>T", "exon 18")],
      ["imatinib", "avapritinib"],
      ["sti571"],
      [resp("imatinib", "PD"), resp("avapritinib", "PR")],
      [ae(PERI_OED, 2, "imatinib"),
       ae(["memory impairment", "cognitive disturbance", "cognitive effects"], 1, "avapritinib"),
       ae(ANEMIA, 2, "avapritinib")],
      [res("PDGFRA", "imatinib")])

# 19-24 short full texts (19, 21, 23, 24 Table 1; 20, 22 timeline paragraph)
write("r20-19_nsclc-eml4-alk-alectinib-g1202r-lorlatinib.txt", 44, "male",
      [LUAD],
      [alt("ALK", "fusion", "EML4::ALK", "EML4-ALK", "rearrangement", "variant 1"), alt("ALK", "G1202R", "c.3604G>A")],
      ["alectinib", "lorlatinib"],
      ["macrogol", "rosuvastatin", "fenofibrate"],
      [resp("alectinib", "PR", "CR"), resp("lorlatinib", "PR")],
      [ae(CPK, 2, "alectinib"), ae(["weight gain"], 1, "alectinib"), ae(["constipation"], 1, "alectinib"),
       ae(["hypercholesterolemia", "hypercholesterolaemia", "cholesterol high"], 3, "lorlatinib"),
       ae(["hypertriglyceridemia", "hypertriglyceridaemia"], 3, "lorlatinib"),
       ae(["cognitive disturbance", "cognitive effects", "cognitive impairment"], 1, "lorlatinib"),
       ae(PE_OED, 1, "lorlatinib")],
      [res("ALK", "alectinib")])

write("r20-20_nsclc-kras-g12c-chemo-io-sotorasib-hepatitis-adagrasib.txt", 66, "female",
      [LUAD],
      [alt("KRAS", "G12C", "c.34G>T"), alt("STK11", "Q170*", "c.508C>T")],
      ["carboplatin", "pemetrexed", "pembrolizumab", "sotorasib", "adagrasib"],
      ["tiotropium", "levothyroxine", "prednisone", "loperamide", "potassium"],
      [resp("carboplatin", "PR"), resp("pemetrexed", "PR"), resp("pembrolizumab", "PR"), resp("sotorasib", "SD"),
       resp("adagrasib", "PR")],
      [ae(HYPOTHY, 2, "pembrolizumab"), ae(ALT_UP + ["hepatotoxicity"], 3, "sotorasib"),
       ae(DIARRHEA, 2, "adagrasib"), ae(NAUSEA, 1, "adagrasib"), ae(QTC, 2, "adagrasib")],
      [])

write("r20-21_mcrpc-brca2-abiraterone-docetaxel-olaparib.txt", 69, "male",
      [dx("PRAD", "prostate adenocarcinoma", "metastatic castration-resistant prostate cancer", "prostate cancer",
          "mcrpc", "acinar adenocarcinoma")],
      [alt("BRCA2", "deletion", "homozygous deletion", "loss"),
       alt("ERG", "fusion", "TMPRSS2::ERG", "TMPRSS2-ERG", "rearrangement")],
      ["leuprorelin", "abiraterone", "docetaxel", "olaparib"],
      ["leuprolide", "abiraterone acetate", "prednisone", "amlodipine", "pegfilgrastim", "metoclopramide", "potassium"],
      [resp("abiraterone", "SD"), resp("docetaxel", "PR"), resp("olaparib", "PR")],
      [ae(["hypokalemia", "hypokalaemia"], 2, "abiraterone"), ae(FN, 3, "docetaxel"), ae(PSN, 1, "docetaxel"),
       ae(ANEMIA, 3, "olaparib"), ae(NAUSEA, 1, "olaparib")],
      [])

write("r20-22_salivary-etv6-ntrk3-larotrectinib-g623r-repotrectinib.txt", 42, "female",
      [dx("MASC", "secretory carcinoma", "secretory carcinoma of the salivary gland",
          "mammary analogue secretory carcinoma", "secretory carcinoma of the parotid")],
      [alt("NTRK3", "fusion", "ETV6::NTRK3", "ETV6-NTRK3", "rearrangement"), alt("NTRK3", "G623R")],
      ["larotrectinib", "repotrectinib"],
      ["budesonide"],
      [resp("larotrectinib", "PR"), resp("repotrectinib", "PR")],
      [ae(["dizziness"], 1, "larotrectinib"), ae(ALT_UP, 1, "larotrectinib"), ae(["weight gain"], 2, "larotrectinib"),
       ae(["ataxia", "gait disturbance"], 2, "repotrectinib"), ae(["dysgeusia"], 1, "repotrectinib"),
       ae(["paresthesia", "paraesthesia"], 1, "repotrectinib")],
      [res("NTRK3", "larotrectinib")])

write("r20-23_atc-braf-dabrafenib-trametinib-surgery-pembrolizumab.txt", 71, "male",
      [dx("THAP", "anaplastic thyroid carcinoma", "anaplastic thyroid cancer", "atc")],
      [BRAF_V600E, alt("TERT", "C228T", "promoter", "promoter mutation", "c.-124C>T")],
      ["dabrafenib", "trametinib", "paclitaxel", "pembrolizumab"],
      ["metformin", "prednisone"],
      [resp("dabrafenib", "PR"), resp("trametinib", "PR"), resp("pembrolizumab", "SD")],
      [ae(PYREXIA, 2, "dabrafenib"), ae(PE_OED, 2, "trametinib"), ae(["esophagitis", "oesophagitis"], 2, "paclitaxel"),
       ae(["pneumonitis"], 2, "pembrolizumab")],
      [])

write("r20-24_gastric-erbb2-capox-trastuzumab-pembrolizumab-tdxd-ild.txt", 60, "male",
      [dx("GEJ", "gastro-oesophageal junction adenocarcinoma", "gastroesophageal junction adenocarcinoma",
          "adenocarcinoma of the gastroesophageal junction", "gastric adenocarcinoma", "gastric cancer")],
      [alt("ERBB2", "amplification", "amplified", "HER2 amplification")],
      ["capecitabine", "oxaliplatin", "trastuzumab", "pembrolizumab", "trastuzumab deruxtecan", "ramucirumab",
       "paclitaxel"],
      ["capox", "t-dxd", "herceptin", "enhertu", "apixaban", "olanzapine", "ondansetron", "prednisone"],
      [resp("capecitabine", "PR"), resp("oxaliplatin", "PR"), resp("trastuzumab", "PR"), resp("pembrolizumab", "PR"),
       resp("trastuzumab deruxtecan", "PR")],
      [ae(PPE, 2, "capecitabine"), ae(PSN, 2, "oxaliplatin"), ae(NAUSEA, 2, "trastuzumab deruxtecan"),
       ae(["alopecia"], 2, "trastuzumab deruxtecan"),
       ae(["interstitial lung disease", "ild", "pneumonitis"], 2, "trastuzumab deruxtecan")],
      [])
