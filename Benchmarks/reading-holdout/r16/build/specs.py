"""Compact gold specs for the r16 hold-out set; run `python3 build/specs.py` to write gold/."""
import sys, os
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
import goldlib
goldlib.OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "gold")
from goldlib import alt, dx, ae, resp, res, write

AML = dx("AML", "acute myeloid leukaemia", "acute myeloid leukemia", "aml")
LUAD = dx("LUAD", "lung adenocarcinoma", "adenocarcinoma of the lung", "non-small cell lung cancer", "nsclc")
IDC = dx("IDC", "invasive ductal carcinoma", "breast cancer", "invasive ductal carcinoma of the breast")
PRAD = dx("PRAD", "prostate adenocarcinoma", "prostate cancer")
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
PPE = ["palmar-plantar erythrodysesthesia syndrome", "palmar-plantar erythrodysaesthesia", "hand-foot syndrome", "ppe"]
IRR = ["infusion related reaction", "infusion-related reaction", "infusion reaction"]
DS = ["differentiation syndrome"]
HYPOTHY = ["hypothyroidism"]
ACNE = ["dermatitis acneiform", "acneiform rash", "rash acneiform", "acneiform eruption"]
MPRASH = ["rash maculopapular", "maculopapular rash", "rash"]
ANEMIA = ["anemia", "anaemia"]
CKUP = ["cpk increased", "creatine phosphokinase increased", "creatine kinase increased", "creatine kinase elevation", "creatine kinase rose"]
PERI_OED = ["periorbital edema", "periorbital oedema", "eyelid oedema"]
CRAMP = ["muscle cramp", "muscle cramps"]
PNEUMONITIS = ["pneumonitis"]

write("r16-01_cml-nilotinib-f359v-ponatinib.txt", 58, "female",
      [dx("CMLBCRABL1", "chronic myeloid leukaemia", "chronic myeloid leukemia", "chronic myelogenous leukemia", "cml")],
      [alt("ABL1", "fusion", "BCR::ABL1", "BCR-ABL1", "e13a2", "t(9;22)", "t(9;22)(q34;q11)"), alt("ABL1", "F359V")],
      ["imatinib", "nilotinib", "ponatinib"],
      ["amlodipine", "levothyroxine"],
      [resp("imatinib", "PR"), resp("nilotinib", "CR", "PR"), resp("ponatinib", "CR", "PR")],
      [ae(PERI_OED, 1, "imatinib"), ae(CRAMP, 1, "imatinib"),
       ae(["lipase increased", "lipase"], 2, "nilotinib"),
       ae(THROMBO, 3, "ponatinib"), ae(HTN, 3, "ponatinib")],
      [res("ABL1", "nilotinib")])

write("r16-02_aml-flt3-midostaurin-gilteritinib-nras.txt", 52, "male",
      [AML],
      [alt("FLT3", "ITD", "internal tandem duplication", "FLT3-ITD"), alt("NPM1", "type A", "mutation"),
       alt("DNMT3A", "R882C"), alt("NRAS", "G12D")],
      ["daunorubicin", "cytarabine", "midostaurin", "gilteritinib"],
      ["metformin", "allopurinol", "high-dose cytarabine"],
      [resp("daunorubicin", "CR"), resp("cytarabine", "CR"), resp("midostaurin", "CR"), resp("gilteritinib", "CR", "PR")],
      [ae(FN, 3, "daunorubicin"), ae(["nausea"], 2, "midostaurin"),
       ae(ALT_UP, 3, "gilteritinib"), ae(CKUP, 1, "gilteritinib")],
      [res("NRAS", "gilteritinib")])

write("r16-03_aml-idh1-ivosidenib-idh2-switch.txt", 76, "female",
      [AML, IDC],
      [alt("IDH1", "R132H"), alt("SRSF2", "P95L"), alt("ASXL1", "G646Wfs*12", "p.G646Wfs*12", "frameshift"),
       alt("IDH2", "R140Q")],
      ["ivosidenib", "azacitidine", "letrozole"],
      ["dexamethasone", "paracetamol"],
      [resp("ivosidenib", "CR"), resp("azacitidine", "CR")],
      [ae(DS, 2, "ivosidenib"), ae(QTC, 3, "ivosidenib"),
       ae(["injection site reaction", "injection-site erythema", "injection site erythema"], None, "azacitidine")],
      [res("IDH2", "ivosidenib")])

write("r16-04_cll-ibrutinib-acalabrutinib-btk-venetoclax.txt", 69, "male",
      [dx("CLLSLL", "chronic lymphocytic leukaemia", "chronic lymphocytic leukemia", "cll")],
      [alt("TP53", "R273H"), alt("BTK", "C481S")],
      ["ibrutinib", "acalabrutinib", "venetoclax", "rituximab"],
      ["metformin", "tamsulosin", "paracetamol", "filgrastim"],
      [resp("ibrutinib", "PR"), resp("acalabrutinib", "PR"), resp("venetoclax", "CR"), resp("rituximab", "CR")],
      [ae(["atrial fibrillation"], 3, "ibrutinib"), ae(["headache"], 1, "acalabrutinib"),
       ae(NEUTROPENIA, 3, "venetoclax"), ae(IRR, 2, "rituximab")],
      [res("BTK", "acalabrutinib")])

write("r16-05_myeloma-drvd-teclistamab-bcma-loss.txt", 61, "male",
      [dx("PCM", "multiple myeloma", "plasma cell myeloma", "myeloma")],
      [alt("CCND1", "fusion", "rearrangement", "t(11;14)"), alt("KRAS", "G12V"),
       alt("TNFRSF17", "deletion", "biallelic deletion", "loss")],
      ["daratumumab", "lenalidomide", "bortezomib", "dexamethasone", "teclistamab", "talquetamab"],
      ["apixaban", "paracetamol", "immunoglobulin"],
      [resp("daratumumab", "PR"), resp("lenalidomide", "PR"), resp("bortezomib", "PR"), resp("dexamethasone", "PR"),
       resp("teclistamab", "CR")],
      [ae(PSN, 2, "bortezomib"), ae(CRS, 1, "teclistamab"), ae(NEUTROPENIA, 4, "teclistamab"),
       ae(["hypogammaglobulinemia", "hypogammaglobulinaemia"], None, "teclistamab"),
       ae(["pneumonia", "lung infection"], 3, "teclistamab")],
      [res("TNFRSF17", "teclistamab")])

write("r16-06_dlbcl-rchop-axicel-deauville.txt", 57, "female",
      [dx("DLBCLNOS", "diffuse large b-cell lymphoma", "dlbcl", "diffuse large b cell lymphoma")],
      [alt("MYD88", "L265P"), alt("CD79B", "Y196H")],
      ["rituximab", "cyclophosphamide", "doxorubicin", "vincristine", "prednisone", "axicabtagene ciloleucel"],
      ["fludarabine", "tocilizumab", "dexamethasone", "methotrexate", "losartan", "r-chop", "prednisolone"],
      [resp("rituximab", "CR"), resp("cyclophosphamide", "CR"), resp("doxorubicin", "CR"), resp("vincristine", "CR"),
       resp("prednisone", "CR"), resp("axicabtagene ciloleucel", "CR")],
      [ae(PSN, 1, "vincristine"), ae(["constipation"], 2, "vincristine"),
       ae(CRS, 2, "axicabtagene ciloleucel"), ae(ICANS, 3, "axicabtagene ciloleucel"),
       ae(THRO := THROMBO + ["prolonged cytopenia", "cytopenia"], None, "axicabtagene ciloleucel")],
      [])

write("r16-07_mcl-br-ibrutinib-brexucel.txt", 66, "male",
      [dx("MCL", "mantle cell lymphoma", "mcl")],
      [alt("CCND1", "fusion", "IGH::CCND1", "rearrangement", "t(11;14)"), alt("ATM", "R2547*"), alt("BTK", "C481S")],
      ["bendamustine", "rituximab", "ibrutinib", "brexucabtagene autoleucel"],
      ["atorvastatin", "dexamethasone", "fludarabine", "cyclophosphamide"],
      [resp("bendamustine", "CR"), resp("rituximab", "CR"), resp("ibrutinib", "PR"),
       resp("brexucabtagene autoleucel", "CR")],
      [ae(MPRASH, 2, "bendamustine"), ae(["epistaxis"], 1, "ibrutinib"), ae(["bruising", "ecchymosis"], None, "ibrutinib"),
       ae(CRS, 2, "brexucabtagene autoleucel"), ae(ICANS, 3, "brexucabtagene autoleucel"),
       ae(NEUTROPENIA, 4, "brexucabtagene autoleucel")],
      [res("BTK", "ibrutinib")])

write("r16-08_hodgkin-abvd-bv-pembrolizumab.txt", 24, "female",
      [dx("CHL", "classical hodgkin lymphoma", "hodgkin lymphoma", "chl", "nodular sclerosis classical hodgkin lymphoma")],
      [],
      ["doxorubicin", "bleomycin", "vinblastine", "dacarbazine", "brentuximab vedotin", "pembrolizumab"],
      ["budesonide", "formoterol", "levothyroxine", "abvd"],
      [resp("doxorubicin", "PD"), resp("bleomycin", "PD"), resp("vinblastine", "PD"), resp("dacarbazine", "PD"),
       resp("brentuximab vedotin", "PR"), resp("pembrolizumab", "CR")],
      [ae(PNEUMONITIS + ["bleomycin pneumonitis", "bleomycin lung toxicity"], 2, "bleomycin"),
       ae(["nausea"], 1, "dacarbazine"), ae(PSN, 2, "brentuximab vedotin"),
       ae(HYPOTHY, 2, "pembrolizumab"), ae(["rash", "pruritic rash"], None, "pembrolizumab")],
      [])

write("r16-09_pv-hydroxyurea-ropeginterferon.txt", 63, "male",
      [dx("PV", "polycythaemia vera", "polycythemia vera", "pv")],
      [alt("JAK2", "V617F"), alt("TET2", "Q1034*")],
      ["hydroxyurea", "ropeginterferon alfa-2b"],
      ["hydroxycarbamide", "aspirin", "allopurinol", "sertraline"],
      [resp("ropeginterferon alfa-2b", "CR", "PR")],
      [ae(["oral ulcers", "oral ulcer", "mucosal ulceration", "oral mucositis"], 2, "hydroxyurea"),
       ae(["skin ulceration", "leg ulcer"], None, "hydroxyurea"),
       ae(ALT_UP, 1, "ropeginterferon alfa-2b"), ae(["depression", "low mood"], 2, "ropeginterferon alfa-2b"),
       ae(["flu like symptoms", "flu-like symptoms", "influenza-like illness"], None, "ropeginterferon alfa-2b")],
      [])

write("r16-10_mds-del5q-lenalidomide-tp53-azacitidine.txt", 72, "female",
      [dx("MDSDEL5Q", "myelodysplastic syndrome with isolated del(5q)", "myelodysplastic syndrome", "mds",
          "del(5q) mds")],
      [alt("SF3B1", "K700E"), alt("TP53", "R248W")],
      ["lenalidomide", "azacitidine"],
      ["apixaban", "bisoprolol"],
      [resp("lenalidomide", "PR", "CR"), resp("azacitidine", "SD")],
      [ae(NEUTROPENIA, 4, "lenalidomide"), ae(THROMBO, 2, "lenalidomide"), ae(["rash"], 2, "lenalidomide"),
       ae(DIARRHEA, None, "lenalidomide"),
       ae(["injection site reaction", "injection-site reaction"], 1, "azacitidine")],
      [res("TP53", "lenalidomide")])

write("r16-11_apl-therapy-related-atra-ato-prior-breast.txt", 49, "female",
      [dx("APLPMLRARA", "acute promyelocytic leukaemia", "acute promyelocytic leukemia", "apl",
          "therapy-related acute promyelocytic leukaemia"), IDC],
      [alt("RARA", "fusion", "PML::RARA", "PML-RARA", "bcr3", "t(15;17)", "t(15;17)(q24;q21)"),
       alt("FLT3", "ITD", "internal tandem duplication", "FLT3-ITD")],
      ["tretinoin", "arsenic trioxide", "doxorubicin", "cyclophosphamide", "paclitaxel", "tamoxifen"],
      ["atra", "all-trans retinoic acid", "ato", "dexamethasone", "sumatriptan", "cryoprecipitate"],
      [resp("tretinoin", "CR"), resp("arsenic trioxide", "CR")],
      [ae(DS, 3, "tretinoin"), ae(QTC, 3, "arsenic trioxide"), ae(["headache"], 1, "tretinoin")],
      [])

write("r16-12_phall-dasatinib-t315i-ponatinib-blinatumomab.txt", 67, "male",
      [dx("BLLBCRABL1", "philadelphia chromosome-positive acute lymphoblastic leukaemia",
          "philadelphia chromosome-positive acute lymphoblastic leukemia", "ph+ all", "acute lymphoblastic leukaemia",
          "b-lymphoblastic leukemia/lymphoma with t(9;22)")],
      [alt("ABL1", "fusion", "BCR::ABL1", "BCR-ABL1", "p190", "e1a2", "t(9;22)", "t(9;22)(q34;q11.2)"),
       alt("IKZF1", "deletion", "exon 4-7 deletion", "deletion of exons 4–7"), alt("ABL1", "T315I")],
      ["dasatinib", "prednisone", "ponatinib", "blinatumomab"],
      [],
      [resp("dasatinib", "CR"), resp("prednisone", "CR"), resp("ponatinib", "CR"), resp("blinatumomab", "CR")],
      [ae(["pleural effusion"], 2, "dasatinib"), ae(CRS, 1, "blinatumomab"),
       ae(["neurotoxicity", "tremor"], 1, "blinatumomab"), ae(ALT_UP, 2, "ponatinib")],
      [res("ABL1", "dasatinib")])

write("r16-13_nsclc-egfr-osimertinib-met-amivantamab.txt", 64, "female",
      [LUAD],
      [alt("EGFR", "L858R"), alt("TP53", "R175H"), alt("MET", "amplification", "amplified")],
      ["osimertinib", "amivantamab", "carboplatin", "pemetrexed"],
      ["ramipril", "levothyroxine", "doxycycline"],
      [resp("osimertinib", "PR"), resp("amivantamab", "PR"), resp("carboplatin", "PR"), resp("pemetrexed", "PR")],
      [ae(["paronychia"], 2, "osimertinib"), ae(QTC, 2, "osimertinib"), ae(DIARRHEA, None, "osimertinib"),
       ae(IRR, 2, "amivantamab"), ae(ACNE, 3, "amivantamab"), ae(THROMBO, 4, "carboplatin"),
       ae(["peripheral edema", "peripheral oedema", "edema limbs"], 1, "amivantamab")],
      [res("MET", "osimertinib")])

write("r16-14_nsclc-alk-alectinib-brigatinib-g1202r-lorlatinib.txt", 45, "male",
      [LUAD],
      [alt("ALK", "fusion", "EML4::ALK", "EML4-ALK", "variant 3", "rearrangement"), alt("ALK", "G1202R")],
      ["alectinib", "brigatinib", "lorlatinib"],
      ["azathioprine", "amlodipine", "rosuvastatin", "fenofibrate", "paracetamol"],
      [resp("alectinib", "PR"), resp("brigatinib", "SD"), resp("lorlatinib", "PR")],
      [ae(CKUP, 2, "alectinib"), ae(["constipation"], 1, "alectinib"),
       ae(["blood bilirubin increased", "bilirubin increased", "hyperbilirubinaemia", "hyperbilirubinemia"], 2, "alectinib"),
       ae(HTN, 2, "brigatinib"),
       ae(["hypercholesterolemia", "hypercholesterolaemia", "cholesterol high"], 3, "lorlatinib"),
       ae(["hypertriglyceridemia", "hypertriglyceridaemia"], 2, "lorlatinib"),
       ae(["weight gain", "weight increased"], 2, "lorlatinib"),
       ae(["mood change", "mood alteration", "irritability"], 1, "lorlatinib")],
      [res("ALK", "alectinib"), res("ALK", "brigatinib")])

write("r16-15_melanoma-ipinivo-colitis-dabrafenib-map2k1.txt", 51, "male",
      [dx("SKCM", "cutaneous melanoma", "melanoma", "superficial spreading melanoma", "metastatic melanoma")],
      [alt("BRAF", "V600E"), alt("CDKN2A", "deletion", "loss"), alt("MAP2K1", "P124L")],
      ["ipilimumab", "nivolumab", "dabrafenib", "trametinib"],
      ["methylprednisolone", "infliximab", "hydrocortisone", "simvastatin"],
      [resp("ipilimumab", "PR"), resp("nivolumab", "PR"), resp("dabrafenib", "SD"), resp("trametinib", "SD")],
      [ae(["colitis"], 3, "ipilimumab"), ae(["hypophysitis"], 2, "ipilimumab"),
       ae(["pyrexia", "fever"], 2, "dabrafenib"), ae(ACNE, 1, "trametinib")],
      [res("MAP2K1", "dabrafenib"), res("MAP2K1", "trametinib")])

write("r16-16_crc-kras-g12c-sotorasib-panitumumab-prior-prostate.txt", 68, "male",
      [dx("COADREAD", "colorectal adenocarcinoma", "colorectal cancer", "sigmoid adenocarcinoma", "crc"), PRAD],
      [alt("KRAS", "G12C"), alt("APC", "R1450*"), alt("KRAS", "G12D")],
      ["oxaliplatin", "fluorouracil", "leucovorin", "bevacizumab", "sotorasib", "panitumumab", "bicalutamide",
       "trifluridine", "tipiracil"],
      ["goserelin", "insulin", "sitagliptin", "folfox", "trifluridine/tipiracil", "trifluridine-tipiracil"],
      [resp("oxaliplatin", "SD"), resp("fluorouracil", "SD"), resp("leucovorin", "SD"), resp("bevacizumab", "SD"),
       resp("sotorasib", "PR"), resp("panitumumab", "PR")],
      [ae(PSN, 2, "oxaliplatin"), ae(["proteinuria"], 2, "bevacizumab"), ae(ACNE, 2, "panitumumab"),
       ae(["hypomagnesemia", "hypomagnesaemia"], 3, "panitumumab"), ae(DIARRHEA, None, "sotorasib"),
       ae(ALT_UP, 2, "sotorasib")],
      [res("KRAS", "sotorasib")])

write("r16-17_breast-hr-letrozole-palbociclib-esr1-elacestrant.txt", 59, "female",
      [IDC],
      [alt("PIK3CA", "H1047R"), alt("CHEK2", "c.1100delC", "1100delC"), alt("ESR1", "Y537S")],
      ["letrozole", "palbociclib", "elacestrant", "capivasertib", "fulvestrant"],
      ["metformin", "denosumab", "ondansetron"],
      [resp("letrozole", "PR"), resp("palbociclib", "PR"), resp("elacestrant", "SD")],
      [ae(NEUTROPENIA, 3, "palbociclib"), ae(["fatigue"], 1, "palbociclib"), ae(["arthralgia"], 1, "letrozole"),
       ae(["nausea"], 2, "elacestrant"), ae(["dyspepsia"], None, "elacestrant")],
      [res("ESR1", "letrozole")])

write("r16-18_prostate-abiraterone-olaparib-brca2-reversion.txt", 62, "male",
      [PRAD],
      [alt("BRCA2", "S1982Rfs*22", "p.S1982Rfs*22", "c.5946delT", "frameshift"),
       alt("BRCA2", "c.5936_5951del", "reversion", "reversion mutation")],
      ["abiraterone", "olaparib", "docetaxel"],
      ["abiraterone acetate", "prednisone", "leuprorelin", "tiotropium", "indapamide"],
      [resp("abiraterone", "PR"), resp("olaparib", "PR"), resp("docetaxel", "SD")],
      [ae(["hypokalemia", "hypokalaemia"], 2, "abiraterone"), ae(["hot flashes", "hot flushes"], 1, "leuprorelin"),
       ae(ANEMIA, 3, "olaparib"), ae(["nausea"], 1, "olaparib"), ae(FN, 3, "docetaxel"),
       ae(["nail changes", "nail discoloration", "nail disorder"], None, "docetaxel")],
      [res("BRCA2", "olaparib")])

write("r16-19_gist-imatinib-kit-v654a-sunitinib-ripretinib.txt", 56, "male",
      [dx("GIST", "gastrointestinal stromal tumour", "gastrointestinal stromal tumor", "gist")],
      [alt("KIT", "W557_K558del", "exon 11 deletion", "p.W557_K558del"), alt("KIT", "V654A")],
      ["imatinib", "sunitinib", "ripretinib"],
      ["rivaroxaban", "empagliflozin", "levothyroxine", "amlodipine"],
      [resp("imatinib", "PR"), resp("sunitinib", "SD"), resp("ripretinib", "SD")],
      [ae(PERI_OED, 1, "imatinib"), ae(CRAMP, 1, "imatinib"), ae(DIARRHEA, 2, "imatinib"),
       ae(PPE, 3, "sunitinib"), ae(HYPOTHY, 2, "sunitinib"), ae(HTN, 2, "sunitinib"),
       ae(["alopecia"], 1, "ripretinib"), ae(["myalgia"], 1, "ripretinib"),
       ae(["cutaneous squamous cell carcinoma", "squamous cell carcinoma of the skin"], None, "ripretinib")],
      [res("KIT", "imatinib")])

write("r16-20_mtc-ret-selpercatinib-g810s-cabozantinib.txt", 47, "female",
      [dx("MTC", "medullary thyroid carcinoma", "medullary thyroid cancer", "mtc")],
      [alt("RET", "M918T"), alt("RET", "G810S")],
      ["selpercatinib", "cabozantinib"],
      ["lisinopril", "levothyroxine", "amlodipine"],
      [resp("selpercatinib", "PR"), resp("cabozantinib", "SD")],
      [ae(HTN, 3, "selpercatinib"), ae(ALT_UP, 3, "selpercatinib"), ae(["dry mouth"], 1, "selpercatinib"),
       ae(QTC + ["qtcf"], None, "selpercatinib"), ae(DIARRHEA, 2, "cabozantinib"), ae(PPE, 2, "cabozantinib")],
      [res("RET", "selpercatinib")])

write("r16-21_hgsoc-carboplatin-niraparib-mirvetuximab-prior-breast.txt", 53, "female",
      [dx("HGSOC", "high-grade serous ovarian carcinoma", "high-grade serous ovarian cancer", "hgsoc", "ovarian carcinoma"),
       IDC],
      [alt("BRCA1", "E23Vfs*17", "p.E23Vfs*17", "c.68_69delAG", "frameshift"), alt("TP53", "Y220C")],
      ["carboplatin", "paclitaxel", "niraparib", "doxorubicin", "mirvetuximab soravtansine", "epirubicin",
       "cyclophosphamide"],
      ["pegylated liposomal doxorubicin", "liposomal doxorubicin", "levothyroxine", "sertraline", "amlodipine"],
      [resp("carboplatin", "CR"), resp("paclitaxel", "CR"), resp("doxorubicin", "PD"),
       resp("mirvetuximab soravtansine", "PR")],
      [ae(PSN, 2, "paclitaxel"), ae(["alopecia"], 2, "paclitaxel"),
       ae(["hypersensitivity", "hypersensitivity reaction", "allergic reaction"], 3, "carboplatin"),
       ae(THROMBO, 4, "niraparib"), ae(["insomnia"], 1, "niraparib"), ae(HTN, None, "niraparib"),
       ae(["blurred vision", "keratopathy"], 2, "mirvetuximab soravtansine")],
      [])

write("r16-22_ccrcc-pembrolizumab-axitinib-cabozantinib-belzutifan.txt", 60, "male",
      [dx("CCRCC", "clear cell renal cell carcinoma", "renal cell carcinoma", "ccrcc")],
      [alt("VHL", "R114P", "c.340G>C"), alt("PBRM1", "Q1298*")],
      ["pembrolizumab", "axitinib", "cabozantinib", "belzutifan"],
      ["febuxostat", "bisoprolol", "amlodipine", "prednisolone", "darbepoetin"],
      [resp("pembrolizumab", "PR"), resp("axitinib", "PR"), resp("cabozantinib", "SD"), resp("belzutifan", "SD")],
      [ae(HTN, 3, "axitinib"), ae(DIARRHEA, 1, "axitinib"),
       ae(["hepatitis", "immune-related hepatitis", "autoimmune hepatitis"] + ALT_UP, 3, "pembrolizumab"),
       ae(HYPOTHY, 2, "pembrolizumab"), ae(PPE, 2, "cabozantinib"),
       ae(["mucositis oral", "mucositis", "oral mucositis"], None, "cabozantinib"),
       ae(ANEMIA, 3, "belzutifan"), ae(["hypoxia"], 2, "belzutifan"), ae(["fatigue"], 1, "belzutifan")],
      [])

write("r16-23_ihch-idh1-ivosidenib-s280f.txt", 58, "female",
      [dx("IHCH", "intrahepatic cholangiocarcinoma", "icca", "cholangiocarcinoma")],
      [alt("IDH1", "R132C"), alt("BAP1", "Q267*"), alt("IDH1", "S280F")],
      ["gemcitabine", "cisplatin", "durvalumab", "ivosidenib"],
      ["entecavir", "gliclazide", "folfox"],
      [resp("gemcitabine", "SD"), resp("cisplatin", "SD"), resp("durvalumab", "SD"), resp("ivosidenib", "PR")],
      [ae(THROMBO, 3, "gemcitabine"),
       ae(["creatinine increased", "creatinine increase", "creatinine had doubled"], 2, "cisplatin"),
       ae(["pruritus"], 1, "durvalumab"), ae(["fatigue"], 2, "ivosidenib"), ae(["nausea"], 1, "ivosidenib"),
       ae(QTC, 3, "ivosidenib")],
      [res("IDH1", "ivosidenib")])

write("r16-24_urothelial-ev-pembrolizumab-erdafitinib-fgfr3.txt", 71, "male",
      [dx("BLCA", "urothelial carcinoma", "bladder urothelial carcinoma", "urothelial carcinoma of the bladder")],
      [alt("FGFR3", "S249C"), alt("TERT", "C228T", "promoter", "promoter mutation"), alt("FGFR3", "V555M")],
      ["enfortumab vedotin", "pembrolizumab", "erdafitinib"],
      ["tiotropium", "olodaterol", "pravastatin", "prednisolone", "sevelamer"],
      [resp("enfortumab vedotin", "PR"), resp("pembrolizumab", "PR"), resp("erdafitinib", "PR")],
      [ae(MPRASH, 3, "enfortumab vedotin"), ae(PSN, 2, "enfortumab vedotin"),
       ae(["hyperglycemia", "hyperglycaemia"], None, "enfortumab vedotin"), ae(PNEUMONITIS, 2, "pembrolizumab"),
       ae(["hyperphosphatemia", "hyperphosphataemia"], None, "erdafitinib"),
       ae(["central serous retinopathy", "retinopathy"], 2, "erdafitinib"),
       ae(["onycholysis", "nail toxicity"], 1, "erdafitinib"), ae(["stomatitis", "mucositis oral"], 2, "erdafitinib")],
      [res("FGFR3", "erdafitinib")])
