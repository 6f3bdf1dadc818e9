"""Compact gold specs for the r19 hold-out set (full-text case reports as extracted from PDFs and journal web pages,
with long discussions full of other patients' outcomes); run `python3 build/specs.py` to write gold/."""
import sys, os
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
import goldlib
goldlib.OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "gold")
from goldlib import alt, dx, ae, resp, res, write

AML = dx("AML", "acute myeloid leukaemia", "acute myeloid leukemia", "aml")
LUAD = dx("LUAD", "lung adenocarcinoma", "adenocarcinoma of the lung", "non-small cell lung cancer", "nsclc")
NEUTROPENIA = ["neutrophil count decreased", "neutropenia"]
THROMBO = ["platelet count decreased", "thrombocytopenia"]
ALT_UP = ["alanine aminotransferase increased", "alt increased", "alanine aminotransferase"]
DIARRHEA = ["diarrhea", "diarrhoea"]
PSN = ["peripheral sensory neuropathy", "peripheral neuropathy", "neuropathy"]
FN = ["febrile neutropenia", "neutropenic fever"]
DS = ["differentiation syndrome", "ds"]
QTC = ["electrocardiogram qt corrected interval prolonged", "qtc prolongation", "qt prolongation",
       "qtc interval prolonged"]
ACNE = ["dermatitis acneiform", "acneiform rash", "rash acneiform", "acneiform eruption"]
MPRASH = ["rash maculo-papular", "rash maculopapular", "maculopapular rash", "rash"]
ANEMIA = ["anemia", "anaemia"]
PE_OED = ["peripheral edema", "peripheral oedema", "edema limbs", "oedema"]
PYREXIA = ["pyrexia", "fever"]
AF = ["atrial fibrillation"]
HYPERPHOS = ["hyperphosphatemia", "hyperphosphataemia"]
NAILS = ["nail changes", "onycholysis", "nail loss", "nail toxicity"]
CPK = ["cpk increased", "creatine phosphokinase increased", "creatine kinase increased"]
VISUAL = ["visual disturbance", "visual disturbances", "vision disorder", "visual impairment"]
PPE = ["palmar-plantar erythrodysesthesia syndrome", "palmar-plantar erythrodysaesthesia", "hand-foot syndrome", "ppe"]
BRAF_V600E = alt("BRAF", "V600E", "c.1799T>A")
ABL1_FUSION = ("fusion", "BCR::ABL1", "BCR-ABL1", "t(9;22)", "t(9;22)(q34;q11)", "rearrangement", "e13a2")

# ---------------- haematological (01-12) ----------------
write("r19-01_cml-imatinib-y253h-dasatinib.txt", 47, "female",
      [dx("CMLBCRABL1", "chronic myeloid leukaemia", "chronic myeloid leukemia", "chronic-phase chronic myeloid leukaemia",
          "cml")],
      [alt("ABL1", *ABL1_FUSION), alt("ABL1", "Y253H", "c.757T>C")],
      ["imatinib", "dasatinib"],
      ["levothyroxine", "furosemide", "magnesium"],
      [resp("imatinib", "PR", "CR"), resp("dasatinib", "PR", "CR")],
      [ae(["pleural effusion"], 2, "dasatinib"), ae(["muscle cramp", "muscle cramps", "cramps"], 1, "imatinib")],
      [res("ABL1", "imatinib")])

write("r19-02_aml-flt3-gilteritinib-nras.txt", 58, "male",
      [AML],
      [alt("NPM1", "c.860_863dup", "type A", "frameshift", "W288Cfs*12"),
       alt("FLT3", "ITD", "internal tandem duplication", "FLT3-ITD"),
       alt("NRAS", "G12D")],
      ["daunorubicin", "cytarabine", "midostaurin", "gilteritinib"],
      ["allopurinol", "piperacillin-tazobactam", "piperacillin", "tazobactam", "dexamethasone"],
      [resp("daunorubicin", "CR"), resp("cytarabine", "CR"), resp("midostaurin", "CR"),
       resp("gilteritinib", "CR", "PR")],
      [ae(FN, 3, "daunorubicin"), ae(DS, 2, "gilteritinib"), ae(ALT_UP, 1, "gilteritinib")],
      [res("NRAS", "gilteritinib")])

write("r19-03_cll-ibrutinib-btk-c481s-pirtobrutinib.txt", 72, "male",
      [dx("CLLSLL", "chronic lymphocytic leukaemia", "chronic lymphocytic leukemia", "cll")],
      [alt("SF3B1", "K700E"), alt("BTK", "C481S", "c.1442G>C")],
      ["ibrutinib", "pirtobrutinib"],
      ["metformin", "bisoprolol", "apixaban"],
      [resp("ibrutinib", "PR"), resp("pirtobrutinib", "PR")],
      [ae(AF, 2, "ibrutinib"), ae(["contusion", "bruising"], 1, "pirtobrutinib")],
      [res("BTK", "ibrutinib")])

write("r19-04_hcl-braf-vemurafenib-rituximab.txt", 55, "male",
      [dx("HCL", "hairy cell leukaemia", "hairy cell leukemia", "classic hairy cell leukaemia", "hcl")],
      [BRAF_V600E],
      ["cladribine", "vemurafenib", "rituximab"],
      ["cefepime", "amlodipine"],
      [resp("cladribine", "CR"), resp("vemurafenib", "CR"), resp("rituximab", "CR")],
      [ae(FN, 3, "cladribine"), ae(["arthralgia"], 2, "vemurafenib"), ae(MPRASH, 1, "vemurafenib")],
      [])

write("r19-05_pv-jak2-hydroxyurea-ruxolitinib.txt", 64, "male",
      [dx("PV", "polycythaemia vera", "polycythemia vera", "pv")],
      [alt("JAK2", "V617F", "c.1849G>T")],
      ["hydroxyurea", "ruxolitinib"],
      ["hydroxycarbamide", "apixaban", "aspirin", "acetylsalicylic acid", "valaciclovir"],
      [resp("hydroxyurea", "PR"), resp("ruxolitinib", "CR")],
      [ae(["skin ulceration", "leg ulcer", "ulcer"], 2, "hydroxyurea"),
       ae(["herpes zoster", "zoster"], 2, "ruxolitinib")],
      [])

write("r19-06_aml-idh1-ivosidenib-azacitidine.txt", 78, "female",
      [AML],
      [alt("IDH1", "R132H", "c.395G>A"), alt("DNMT3A", "R882H")],
      ["azacitidine", "ivosidenib"],
      ["dexamethasone", "hydroxyurea", "hydroxycarbamide", "posaconazole"],
      [resp("azacitidine", "CR"), resp("ivosidenib", "CR")],
      [ae(DS, 3, "ivosidenib"), ae(QTC, 2, "ivosidenib")],
      [])

write("r19-07_mln-fgfr1-pemigatinib.txt", 41, "male",
      [dx("MLNER", "myeloid/lymphoid neoplasm with fgfr1 rearrangement", "myeloid/lymphoid neoplasm",
          "8p11 syndrome", "myeloid/lymphoid neoplasms with fgfr1 rearrangement")],
      [alt("FGFR1", "fusion", "ZMYM2::FGFR1", "ZMYM2-FGFR1", "rearrangement", "t(8;13)(p11;q12)")],
      ["imatinib", "pemigatinib"],
      [],
      [resp("imatinib", "PD"), resp("pemigatinib", "CR")],
      [ae(HYPERPHOS, 1, "pemigatinib"), ae(NAILS, 2, "pemigatinib"), ae(["dry eye"], 1, "pemigatinib")],
      [])

write("r19-08_fl-ezh2-tazemetostat.txt", 63, "female",
      [dx("FL", "follicular lymphoma")],
      [alt("EZH2", "Y646N", "c.1936T>A"), alt("KMT2D", "Q3913Rfs*14", "p.Q3913Rfs*14", "frameshift")],
      ["rituximab", "cyclophosphamide", "doxorubicin", "vincristine", "prednisone", "tazemetostat"],
      ["r-chop", "pegfilgrastim", "levothyroxine"],
      [resp("rituximab", "CR"), resp("cyclophosphamide", "CR"), resp("doxorubicin", "CR"), resp("vincristine", "CR"),
       resp("prednisone", "CR"), resp("tazemetostat", "PR")],
      [ae(FN, 3, "doxorubicin"), ae(PSN, 1, "vincristine"), ae(["nausea"], 1, "tazemetostat"),
       ae(["fatigue"], 1, "tazemetostat"), ae(["alopecia"], 1, "tazemetostat")],
      [])

write("r19-09_lch-map2k1-cobimetinib.txt", 36, "female",
      [dx("LCH", "langerhans cell histiocytosis", "multisystem langerhans cell histiocytosis")],
      [alt("MAP2K1", "E102_I103del", "p.E102_I103del", "c.304_309del", "in-frame deletion")],
      ["cytarabine", "cobimetinib"],
      ["desmopressin", "doxycycline"],
      [resp("cytarabine", "PD"), resp("cobimetinib", "CR", "PR")],
      [ae(THROMBO, 2, "cytarabine"), ae(ACNE, 2, "cobimetinib"), ae(CPK, 2, "cobimetinib")],
      [])

write("r19-10_aml-kmt2a-revumenib-men1.txt", 33, "female",
      [dx("AML", "acute myeloid leukaemia", "acute myeloid leukemia", "acute monoblastic leukaemia",
          "acute monoblastic leukemia", "aml")],
      [alt("KMT2A", "fusion", "KMT2A::MLLT3", "KMT2A-MLLT3", "rearrangement", "t(9;11)(p21.3;q23.3)"),
       alt("NRAS", "G13D"), alt("MEN1", "M327I")],
      ["daunorubicin", "cytarabine", "fludarabine", "idarubicin", "revumenib"],
      ["flag-ida", "g-csf", "filgrastim", "meropenem", "posaconazole", "dexamethasone", "hydroxyurea",
       "hydroxycarbamide"],
      [resp("daunorubicin", "PD", "SD"), resp("cytarabine", "PD", "SD"), resp("fludarabine", "PD", "SD"),
       resp("idarubicin", "PD", "SD"), resp("revumenib", "CR")],
      [ae(FN, 3, "idarubicin"), ae(DS, 2, "revumenib"), ae(QTC, 2, "revumenib")],
      [res("MEN1", "revumenib")])

write("r19-11_wm-myd88-cxcr4-ibrutinib-zanubrutinib.txt", 69, "male",
      [dx("WM", "waldenström macroglobulinaemia", "waldenstrom macroglobulinemia", "waldenström macroglobulinemia",
          "waldenstrom macroglobulinaemia", "lymphoplasmacytic lymphoma")],
      [alt("MYD88", "L265P"), alt("CXCR4", "S338*", "S338X", "c.1013C>G")],
      ["ibrutinib", "zanubrutinib"],
      ["ramipril", "amoxicillin"],
      [resp("ibrutinib", "PR"), resp("zanubrutinib", "PR")],
      [ae(AF, 3, "ibrutinib"), ae(NEUTROPENIA, 2, "zanubrutinib"),
       ae(["upper respiratory infection", "upper respiratory tract infection", "sinusitis"], 2, "zanubrutinib")],
      [])

write("r19-12_alcl-alk-brentuximab-crizotinib.txt", 24, "male",
      [dx("ALCLALKP", "alk-positive anaplastic large cell lymphoma", "anaplastic large cell lymphoma",
          "anaplastic large cell lymphoma, alk-positive")],
      [alt("ALK", "fusion", "NPM1::ALK", "NPM1-ALK", "NPM-ALK", "rearrangement", "t(2;5)(p23;q35)")],
      ["brentuximab vedotin", "cyclophosphamide", "doxorubicin", "prednisone", "crizotinib"],
      ["brentuximab", "chp"],
      [resp("brentuximab vedotin", "CR"), resp("cyclophosphamide", "CR"), resp("doxorubicin", "CR"),
       resp("prednisone", "CR"), resp("crizotinib", "CR")],
      [ae(PSN, 2, "brentuximab vedotin"), ae(VISUAL, 1, "crizotinib"), ae(DIARRHEA, 1, "crizotinib"),
       ae(PE_OED + ["ankle oedema"], 1, "crizotinib")],
      [])

# ---------------- solid tumours (13-24) ----------------
write("r19-13_nsclc-egfr-l858r-osimertinib-amivantamab.txt", 61, "female",
      [LUAD],
      [alt("EGFR", "L858R", "c.2573T>G"), alt("TP53", "R273C"), alt("EGFR", "C797S")],
      ["osimertinib", "amivantamab", "carboplatin", "pemetrexed"],
      ["alendronate", "alendronic acid", "doxycycline", "clindamycin"],
      [resp("osimertinib", "PR"), resp("amivantamab", "PR"), resp("carboplatin", "PR"), resp("pemetrexed", "PR")],
      [ae(["paronychia"], 1, "osimertinib"),
       ae(["infusion related reaction", "infusion-related reaction", "infusion reaction"], 2, "amivantamab"),
       ae(ACNE, 2, "amivantamab")],
      [res("EGFR", "osimertinib")])

write("r19-14_nsclc-ros1-crizotinib-g2032r-repotrectinib.txt", 44, "male",
      [LUAD],
      [alt("ROS1", "fusion", "CD74::ROS1", "CD74-ROS1", "rearrangement"), alt("ROS1", "G2032R", "c.6094G>A")],
      ["crizotinib", "repotrectinib"],
      ["furosemide"],
      [resp("crizotinib", "PR"), resp("repotrectinib", "PR")],
      [ae(VISUAL, 1, "crizotinib"), ae(PE_OED, 2, "crizotinib"), ae(["dizziness"], 1, "repotrectinib"),
       ae(["dysgeusia"], 1, "repotrectinib")],
      [res("ROS1", "crizotinib")])

write("r19-15_crc-braf-folfox-encorafenib-cetuximab-kras.txt", 57, "female",
      [dx("COADREAD", "colorectal adenocarcinoma", "colon adenocarcinoma", "colorectal cancer", "colon cancer",
          "metastatic colorectal cancer", "adenocarcinoma of the ascending colon")],
      [BRAF_V600E, alt("PIK3CA", "E545K"), alt("KRAS", "G12D"), alt("KRAS", "Q61H")],
      ["oxaliplatin", "fluorouracil", "leucovorin", "bevacizumab", "encorafenib", "cetuximab", "trifluridine",
       "tipiracil"],
      ["folfox", "calcium folinate", "folinic acid", "minocycline", "metformin", "trifluridine/tipiracil"],
      [resp("oxaliplatin", "SD"), resp("fluorouracil", "SD"), resp("leucovorin", "SD"), resp("bevacizumab", "SD"),
       resp("encorafenib", "PR"), resp("cetuximab", "PR")],
      [ae(PSN, 2, "oxaliplatin"), ae(["arthralgia"], 1, "encorafenib"), ae(ACNE, 2, "cetuximab")],
      [res("KRAS", "encorafenib"), res("KRAS", "cetuximab")])

write("r19-16_melanoma-braf-v600k-dabrafenib-trametinib-ipilimumab.txt", 71, "male",
      [dx("SKCM", "cutaneous melanoma", "melanoma", "nodular melanoma", "metastatic melanoma")],
      [alt("BRAF", "V600K", "c.1798_1799delinsAA"), alt("TERT", "promoter", "promoter mutation")],
      ["dabrafenib", "trametinib", "nivolumab", "ipilimumab"],
      ["tiotropium", "prednisone", "methylprednisolone", "infliximab"],
      [resp("dabrafenib", "PR"), resp("trametinib", "PR"), resp("nivolumab", "SD"), resp("ipilimumab", "SD")],
      [ae(PYREXIA, 3, "dabrafenib"), ae(["colitis", "immune colitis", "immune-mediated colitis"], 3, "ipilimumab")],
      [])

write("r19-17_breast-pik3ca-palbociclib-alpelisib-esr1.txt", 59, "female",
      [dx("IDC", "invasive ductal carcinoma", "breast cancer", "metastatic breast cancer",
          "hormone receptor-positive breast cancer")],
      [alt("PIK3CA", "H1047R", "c.3140A>G"), alt("ESR1", "Y537S")],
      ["tamoxifen", "letrozole", "palbociclib", "fulvestrant", "alpelisib"],
      ["denosumab", "losartan", "metformin", "cetirizine"],
      [resp("letrozole", "PR"), resp("palbociclib", "PR"), resp("fulvestrant", "PR"), resp("alpelisib", "PR")],
      [ae(NEUTROPENIA, 3, "palbociclib"), ae(["hyperglycemia", "hyperglycaemia"], 3, "alpelisib"),
       ae(MPRASH, 2, "alpelisib"), ae(DIARRHEA, 1, "alpelisib")],
      [res("ESR1", "letrozole")])

write("r19-18_cholangio-fgfr2-pemigatinib-futibatinib.txt", 49, "female",
      [dx("IHCH", "intrahepatic cholangiocarcinoma", "cholangiocarcinoma")],
      [alt("FGFR2", "fusion", "FGFR2::BICC1", "FGFR2-BICC1", "rearrangement"),
       alt("CDKN2A", "deletion", "homozygous deletion", "loss"), alt("FGFR2", "N550K")],
      ["gemcitabine", "cisplatin", "durvalumab", "pemigatinib", "futibatinib"],
      ["levothyroxine", "sevelamer"],
      [resp("gemcitabine", "PD"), resp("cisplatin", "PD"), resp("durvalumab", "PD"), resp("pemigatinib", "PR"),
       resp("futibatinib", "SD")],
      [ae(["fatigue"], 2, "gemcitabine"), ae(THROMBO, 2, "gemcitabine"), ae(HYPERPHOS, 2, "pemigatinib"),
       ae(["stomatitis", "mucositis oral", "oral mucositis"], 2, "pemigatinib"), ae(NAILS, 1, "pemigatinib"),
       ae(["dry eye", "dry eyes"], None, "pemigatinib")],
      [res("FGFR2", "pemigatinib")])

write("r19-19_atc-braf-dabrafenib-trametinib-neoadjuvant.txt", 66, "male",
      [dx("THAP", "anaplastic thyroid carcinoma", "anaplastic thyroid cancer", "undifferentiated carcinoma")],
      [BRAF_V600E, alt("TERT", "c.-124C>T", "C228T", "promoter", "promoter mutation"), alt("TP53", "R248Q")],
      ["dabrafenib", "trametinib"],
      ["rivaroxaban", "metoprolol", "paracetamol", "levothyroxine"],
      [resp("dabrafenib", "PR", "CR"), resp("trametinib", "PR", "CR")],
      [ae(PYREXIA, 2, "dabrafenib"), ae(NEUTROPENIA, 2, "dabrafenib")],
      [])

write("r19-20_salivary-ntrk3-larotrectinib-repotrectinib.txt", 52, "female",
      [dx("MASC", "secretory carcinoma", "secretory carcinoma of the salivary gland",
          "mammary analogue secretory carcinoma", "salivary secretory carcinoma")],
      [alt("NTRK3", "fusion", "ETV6::NTRK3", "ETV6-NTRK3", "rearrangement"), alt("NTRK3", "G623R")],
      ["larotrectinib", "repotrectinib"],
      ["propranolol"],
      [resp("larotrectinib", "PR"), resp("repotrectinib", "SD")],
      [ae(["dizziness"], 1, "larotrectinib"), ae(["weight increased", "weight gain"], 2, "larotrectinib"),
       ae(ALT_UP, 1, "larotrectinib"), ae(["paresthesia", "paraesthesia"], 1, "repotrectinib"),
       ae(["ataxia"], 1, "repotrectinib")],
      [res("NTRK3", "larotrectinib")])

write("r19-21_prostate-brca2-enzalutamide-olaparib-reversion.txt", 67, "male",
      [dx("PRAD", "prostate adenocarcinoma", "prostate cancer", "metastatic castration-resistant prostate cancer",
          "castration-resistant prostate cancer")],
      [alt("BRCA2", "c.6275_6276del", "p.Leu2092ProfsTer7", "L2092Pfs*7", "p.L2092Pfs*7", "frameshift"),
       alt("BRCA2", "c.6281_6284del", "reversion", "reversion mutation", "secondary deletion")],
      ["leuprorelin", "docetaxel", "enzalutamide", "olaparib", "cabazitaxel"],
      ["leuprolide", "metoclopramide"],
      [resp("leuprorelin", "PR"), resp("docetaxel", "PR"), resp("enzalutamide", "PD"), resp("olaparib", "PR")],
      [ae(FN, 3, "docetaxel"), ae(["fatigue"], 2, "enzalutamide"), ae(ANEMIA, 3, "olaparib"),
       ae(["nausea"], 1, "olaparib")],
      [res("BRCA2", "olaparib")])

write("r19-22_nsclc-kras-g12c-pembrolizumab-sotorasib.txt", 64, "male",
      [LUAD],
      [alt("KRAS", "G12C", "c.34G>T"), alt("STK11", "Q37*")],
      ["carboplatin", "pemetrexed", "pembrolizumab", "sotorasib"],
      ["formoterol", "budesonide", "levothyroxine", "prednisone"],
      [resp("carboplatin", "PR"), resp("pemetrexed", "PR"), resp("pembrolizumab", "PR"), resp("sotorasib", "PR")],
      [ae(["hypothyroidism"], 2, "pembrolizumab"), ae(ALT_UP, 3, "sotorasib"),
       ae(["aspartate aminotransferase increased", "ast increased", "aspartate aminotransferase"], 2, "sotorasib"),
       ae(DIARRHEA, 2, "sotorasib")],
      [])

write("r19-23_gastric-her2-trastuzumab-deruxtecan-ild.txt", 62, "male",
      [dx("STAD", "gastric adenocarcinoma", "gastric cancer", "adenocarcinoma of the gastric cardia",
          "intestinal-type adenocarcinoma", "her2-positive gastric adenocarcinoma")],
      [alt("ERBB2", "amplification", "amplified", "ratio 7.4")],
      ["capecitabine", "oxaliplatin", "trastuzumab", "pembrolizumab", "trastuzumab deruxtecan"],
      ["capox", "urea", "olanzapine", "ondansetron"],
      [resp("capecitabine", "PR"), resp("oxaliplatin", "PR"), resp("trastuzumab", "PR"), resp("pembrolizumab", "PR"),
       resp("trastuzumab deruxtecan", "PR")],
      [ae(PSN, 2, "oxaliplatin"), ae(PPE, 1, "capecitabine"), ae(["nausea"], 2, "trastuzumab deruxtecan"),
       ae(["alopecia"], 1, "trastuzumab deruxtecan"),
       ae(["interstitial lung disease", "pneumonitis", "ild"], 1, "trastuzumab deruxtecan")],
      [])

write("r19-24_nsclc-met-ex14-capmatinib.txt", 81, "female",
      [LUAD],
      [alt("MET", "exon 14 skipping", "c.3082+1G>T", "splice site", "splice donor variant")],
      ["capmatinib"],
      ["edoxaban", "bisoprolol", "furosemide"],
      [resp("capmatinib", "PR")],
      [ae(PE_OED, 2, "capmatinib"), ae(["nausea"], 1, "capmatinib"),
       ae(["lipase increased", "serum lipase increased", "lipase"], 2, "capmatinib")],
      [])
