"""Compact gold specs for the r24 hold-out set (children, adolescents and young adults, and adult haematology as
haematologists write it); run `python3 build/specs.py` to write gold/."""
import sys, os
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
import goldlib
goldlib.OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "gold")
from goldlib import alt, dx, ae, resp, res, write

AML = dx("AML", "acute myeloid leukaemia", "acute myeloid leukemia", "aml")
CML = dx("CMLBCRABL1", "chronic myeloid leukaemia", "chronic myeloid leukemia", "chronic myelogenous leukemia", "cml",
         "chronic-phase chronic myeloid leukaemia")
BLL = dx("BLL", "b-lymphoblastic leukaemia", "b-cell acute lymphoblastic leukemia", "b-all",
         "acute lymphoblastic leukaemia", "acute lymphoblastic leukemia", "b-cell acute lymphoblastic leukaemia", "all",
         "ph-like all", "philadelphia chromosome-like acute lymphoblastic leukaemia",
         "philadelphia chromosome-positive acute lymphoblastic leukaemia", "ph-positive all")
NEUTROPENIA = ["neutrophil count decreased", "neutropenia", "neutrophil count decrease"]
THROMBO = ["platelet count decreased", "thrombocytopenia", "platelet count decrease"]
ALT_UP = ["alanine aminotransferase increased", "alt increased", "alanine aminotransferase", "alt increase",
          "alanine aminotransferase increase"]
FN = ["febrile neutropenia", "neutropenic fever"]
PSN = ["peripheral sensory neuropathy", "peripheral neuropathy", "neuropathy"]
QTC = ["electrocardiogram qt corrected interval prolonged", "qtc prolongation", "qt prolongation"]
HTN = ["hypertension"]
DS = ["differentiation syndrome", "ds"]
CRS = ["cytokine release syndrome", "crs"]
ICANS = ["immune effector cell-associated neurotoxicity syndrome", "icans", "neurotoxicity"]
IRR = ["infusion related reaction", "infusion-related reaction"]
PLEURAL = ["pleural effusion"]
PYREXIA = ["pyrexia", "fever"]
WEIGHT_GAIN = ["weight gain"]
ARTHRALGIA = ["arthralgia"]
LIPASE = ["lipase increased", "lipase increase"]
BILI = ["blood bilirubin increased", "hyperbilirubinemia", "hyperbilirubinaemia", "bilirubin increased"]
HYPOMG = ["hypomagnesemia", "hypomagnesaemia"]
HYPERGLY = ["hyperglycemia", "hyperglycaemia"]
AKI = ["acute kidney injury"]
MUCOSITIS = ["mucositis oral", "oral mucositis", "stomatitis"]
MPRASH = ["rash maculopapular", "maculopapular rash", "rash"]
ACNE = ["dermatitis acneiform", "acneiform rash", "rash acneiform", "acneiform eruption"]
VOMITING = ["vomiting"]
DIARRHEA = ["diarrhea", "diarrhoea"]
TREMOR = ["tremor"]
ABL1_FUSION = ("fusion", "BCR::ABL1", "BCR-ABL1", "t(9;22)", "rearrangement")
BRAF_V600E = alt("BRAF", "V600E", "c.1799T>A")
T315I = alt("ABL1", "T315I", "c.944C>T", "gatekeeper mutation")
IKZF1_DEL = alt("IKZF1", "deletion", "intragenic deletion", "loss")
DNMT3A = alt("DNMT3A", "R882H", "c.2645G>A")

# ---------------- children, adolescents and young adults (01-12) ----------------
write("r24-01_infantile-fibrosarcoma-etv6-ntrk3-larotrectinib-g623r-vac.txt", 0, "male",
      [dx("IFS", "infantile fibrosarcoma", "fibrosarcoma", "congenital infantile fibrosarcoma")],
      [alt("NTRK3", "fusion", "ETV6::NTRK3", "ETV6-NTRK3", "rearrangement", "ETV6 exon 5::NTRK3 exon 15"),
       alt("NTRK3", "G623R", "c.1867G>A", "solvent-front mutation")],
      ["larotrectinib", "vincristine", "dactinomycin", "cyclophosphamide"],
      ["vac", "lactulose"],
      [resp("larotrectinib", "PR"), resp("vincristine", "PR"), resp("dactinomycin", "PR"),
       resp("cyclophosphamide", "PR")],
      [ae(ALT_UP, 2, "larotrectinib"), ae(WEIGHT_GAIN, 1, "larotrectinib"), ae(FN, 3, "cyclophosphamide"),
       ae(["constipation"], 2, "vincristine")],
      [res("NTRK3", "larotrectinib")])

write("r24-02_imt-tpm3-alk-crizotinib-g1269a-lorlatinib.txt", 9, "female",
      [dx("IMT", "inflammatory myofibroblastic tumour", "inflammatory myofibroblastic tumor", "imt")],
      [alt("ALK", "fusion", "TPM3::ALK", "TPM3-ALK", "rearrangement"), alt("ALK", "G1269A", "c.3806G>C")],
      ["crizotinib", "lorlatinib"],
      ["atorvastatin"],
      [resp("crizotinib", "PR"), resp("lorlatinib", "PR")],
      [ae(["blurred vision", "visual disturbance", "visual impairment"], 1, "crizotinib"),
       ae(NEUTROPENIA, 3, "crizotinib"), ae(["hypercholesterolaemia", "hypercholesterolemia"], 2, "lorlatinib"),
       ae(WEIGHT_GAIN, 2, "lorlatinib"), ae(["irritability"], 1, "lorlatinib")],
      [res("ALK", "crizotinib")])

write("r24-03_plgg-kiaa1549-braf-carboplatin-vincristine-tovorafenib.txt", 6, "male",
      [dx("PAST", "pilocytic astrocytoma", "paediatric low-grade glioma", "pediatric low-grade glioma",
          "low-grade glioma", "optic pathway glioma")],
      [alt("BRAF", "fusion", "KIAA1549::BRAF", "KIAA1549-BRAF", "rearrangement", "KIAA1549 exon 16::BRAF exon 9")],
      ["carboplatin", "vincristine", "tovorafenib"],
      [],
      [resp("carboplatin", "SD"), resp("vincristine", "SD"), resp("tovorafenib", "PR")],
      [ae(["allergic reaction", "hypersensitivity", "anaphylaxis"], 3, "carboplatin"),
       ae(["peripheral motor neuropathy", "motor neuropathy", "peripheral neuropathy"], 2, "vincristine"),
       ae(["hair color changes", "hair color change", "hair colour change", "hair depigmentation"], 1, "tovorafenib"),
       ae(MPRASH, 2, "tovorafenib"),
       ae(["creatine phosphokinase increased", "cpk increased", "creatine kinase increased",
           "creatine phosphokinase increase"], 2, "tovorafenib")],
      [])

write("r24-04_plgg-braf-v600e-cdkn2a-dabrafenib-trametinib-rechallenge.txt", 13, "female",
      [dx("GNG", "ganglioglioma", "paediatric low-grade glioma", "pediatric low-grade glioma", "low-grade glioma")],
      [BRAF_V600E, alt("CDKN2A", "homozygous deletion", "deletion", "deep deletion", "loss")],
      ["dabrafenib", "trametinib"],
      ["levetiracetam", "paracetamol"],
      [resp("dabrafenib", "PR"), resp("trametinib", "PR")],
      [ae(PYREXIA, 2, "dabrafenib"), ae(ACNE, 1, "trametinib"), ae(["paronychia"], 2, "trametinib"),
       ae(["ejection fraction decreased", "decreased ejection fraction", "left ventricular dysfunction"], 2,
          "trametinib")],
      [])

write("r24-05_neuroblastoma-germline-alk-r1275q-cog-lorlatinib-dinutuximab.txt", 1, "female",
      [dx("NBL", "neuroblastoma", "high-risk neuroblastoma")],
      [alt("ALK", "R1275Q", "c.3824G>A", "germline")],
      ["cyclophosphamide", "topotecan", "cisplatin", "etoposide", "doxorubicin", "vincristine", "lorlatinib",
       "dinutuximab", "isotretinoin"],
      ["busulfan", "melphalan", "defibrotide", "sargramostim", "morphine", "gm-csf"],
      [resp("cyclophosphamide", "PR"), resp("topotecan", "PR"), resp("cisplatin", "PR"), resp("etoposide", "PR"),
       resp("doxorubicin", "PR"), resp("vincristine", "PR"), resp("lorlatinib", "CR")],
      [ae(["hearing impaired", "hearing loss", "ototoxicity"], 2, "cisplatin"),
       ae(["hypertriglyceridemia", "hypertriglyceridaemia"], 2, "lorlatinib"),
       ae(["hepatic sinusoidal obstruction syndrome", "sinusoidal obstruction syndrome",
           "veno-occlusive disease"], 3, "busulfan"),
       ae(["pain", "neuropathic pain"], 3, "dinutuximab"), ae(["capillary leak syndrome"], 2, "dinutuximab"),
       ae(["cheilitis"], 1, "isotretinoin")],
      [])

write("r24-06_ph-like-all-ebf1-pdgfrb-aieop-bfm-imatinib.txt", 15, "male", [BLL],
      [alt("PDGFRB", "fusion", "EBF1::PDGFRB", "EBF1-PDGFRB", "rearrangement"), IKZF1_DEL],
      ["prednisone", "vincristine", "daunorubicin", "pegaspargase", "methotrexate", "imatinib", "cyclophosphamide",
       "cytarabine", "mercaptopurine"],
      ["insulin"],
      [resp(d, "CR") for d in ["prednisone", "vincristine", "daunorubicin", "pegaspargase", "methotrexate",
                               "imatinib", "cyclophosphamide", "cytarabine", "mercaptopurine"]],
      [ae(["pancreatitis"], 3, "pegaspargase"), ae(HYPERGLY, 2, "prednisone"), ae(FN, 3, "cyclophosphamide"),
       ae(["muscle cramp", "muscle cramps"], 1, "imatinib"),
       ae(["periorbital edema", "periorbital oedema", "eyelid oedema"], 2, "imatinib")],
      [])

write("r24-07_b-all-relapse-blinatumomab-allohsct-tisagenlecleucel-cd19-negative-inotuzumab.txt", 11, "female",
      [BLL],
      [alt("CD19", "frameshift", "c.218dup", "mutation", "exon 2 frameshift")],
      ["dexamethasone", "mitoxantrone", "vincristine", "pegaspargase", "blinatumomab", "tisagenlecleucel",
       "inotuzumab ozogamicin"],
      ["etoposide", "ciclosporin", "cyclosporine", "methotrexate", "anti-thymocyte globulin", "fludarabine",
       "cyclophosphamide", "tocilizumab", "amlodipine"],
      [resp("dexamethasone", "CR"), resp("mitoxantrone", "CR"), resp("vincristine", "CR"),
       resp("pegaspargase", "CR"), resp("blinatumomab", "CR"), resp("tisagenlecleucel", "CR"),
       resp("inotuzumab ozogamicin", "CR")],
      [ae(FN, 3, "mitoxantrone"), ae(TREMOR, 1, "blinatumomab"), ae(HTN, 2, "ciclosporin"),
       ae(CRS, 2, "tisagenlecleucel"), ae(ICANS, 1, "tisagenlecleucel"),
       ae(["aspartate aminotransferase increased", "ast increased", "aspartate aminotransferase"], 2,
          "inotuzumab ozogamicin")],
      [res("CD19", "tisagenlecleucel")])

write("r24-08_jmml-ptpn11-monosomy7-azacitidine-allohsct.txt", 1, "male",
      [dx("JMML", "juvenile myelomonocytic leukaemia", "juvenile myelomonocytic leukemia", "jmml")],
      [alt("PTPN11", "E76G", "c.227A>G")],
      ["azacitidine"],
      ["busulfan", "cyclophosphamide", "melphalan", "ciclosporin", "cyclosporine", "anti-thymocyte globulin",
       "ondansetron"],
      [resp("azacitidine", "PR")],
      [ae(NEUTROPENIA, 3, "azacitidine"), ae(VOMITING, 2, "azacitidine"), ae(MUCOSITIS, 3, "melphalan"),
       ae(HYPOMG, 2, "ciclosporin")],
      [])

write("r24-09_paediatric-cml-imatinib-growth-y253h-loss-of-mmr-dasatinib.txt", 12, "male", [CML],
      [alt("ABL1", *ABL1_FUSION, "e14a2", "b3a2"), alt("ABL1", "Y253H", "c.757T>C", "P-loop mutation")],
      ["hydroxyurea", "imatinib", "dasatinib"],
      ["prednisolone"],
      [resp("imatinib", "PR"), resp("dasatinib", "CR", "PR")],
      [ae(["nausea"], 1, "imatinib"), ae(["growth suppression", "growth retardation", "growth deceleration"], 2,
                                         "imatinib"),
       ae(PLEURAL, 2, "dasatinib"), ae(["headache"], 1, "dasatinib")],
      [res("ABL1", "imatinib")])

write("r24-10_lch-multisystem-braf-v600e-vinblastine-prednisone-dabrafenib-reactivation.txt", 2, "female",
      [dx("LCH", "langerhans cell histiocytosis", "multisystem langerhans cell histiocytosis", "lch")],
      [BRAF_V600E],
      ["vinblastine", "prednisone", "dabrafenib"],
      ["desmopressin"],
      [resp("vinblastine", "PD"), resp("prednisone", "PD"), resp("dabrafenib", "CR")],
      [ae(NEUTROPENIA, 3, "vinblastine"), ae(HTN, 2, "prednisone"), ae(["dry skin"], 1, "dabrafenib"),
       ae(PYREXIA, 2, "dabrafenib")],
      [])

write("r24-11_alk-positive-alcl-alcl99-brentuximab-crizotinib-adolescent.txt", 16, "male",
      [dx("ALCLALKP", "anaplastic large cell lymphoma", "alk-positive anaplastic large cell lymphoma", "alcl",
          "anaplastic large-cell lymphoma, alk positive")],
      [alt("ALK", "fusion", "NPM1::ALK", "NPM1-ALK", "rearrangement", "t(2;5)")],
      ["dexamethasone", "cyclophosphamide", "methotrexate", "ifosfamide", "cytarabine", "etoposide", "doxorubicin",
       "brentuximab vedotin", "crizotinib"],
      ["folinic acid", "mesna", "treosulfan", "fludarabine", "thiotepa", "tacrolimus"],
      [resp(d, "CR") for d in ["dexamethasone", "cyclophosphamide", "methotrexate", "ifosfamide", "cytarabine",
                               "etoposide", "doxorubicin"]]
      + [resp("brentuximab vedotin", "PR"), resp("crizotinib", "CR")],
      [ae(MUCOSITIS, 3, "methotrexate"), ae(["hematuria", "haematuria"], 2, "ifosfamide"),
       ae(PSN, 2, "brentuximab vedotin"), ae(DIARRHEA, 2, "crizotinib"), ae(VOMITING, 2, "crizotinib"),
       ae(["sinus bradycardia", "bradycardia"], 1, "crizotinib"), ae(TREMOR, 2, "tacrolimus")],
      [])

write("r24-12_ph-like-all-p2ry8-crlf2-jak2-ruxolitinib-blinatumomab-allohsct.txt", 17, "female", [BLL],
      [alt("CRLF2", "fusion", "P2RY8::CRLF2", "P2RY8-CRLF2", "rearrangement", "overexpression"),
       alt("JAK2", "R683G", "c.2047A>G")],
      ["vincristine", "dexamethasone", "daunorubicin", "pegaspargase", "cytarabine", "methotrexate", "ruxolitinib",
       "cyclophosphamide", "mercaptopurine", "blinatumomab"],
      ["tacrolimus", "sirolimus", "mycophenolate mofetil", "paracetamol", "heparin", "low-molecular-weight heparin"],
      [resp(d, "CR") for d in ["vincristine", "dexamethasone", "daunorubicin", "pegaspargase", "cytarabine",
                               "methotrexate", "ruxolitinib", "cyclophosphamide", "mercaptopurine", "blinatumomab"]],
      [ae(["thromboembolic event", "cerebral venous sinus thrombosis", "venous thrombosis", "thrombosis"], 3,
          "pegaspargase"),
       ae(THROMBO, 3, "ruxolitinib"), ae(CRS, 1, "blinatumomab"),
       ae(["reversible posterior leukoencephalopathy syndrome", "posterior reversible encephalopathy syndrome",
           "pres"], 3, "tacrolimus")],
      [])

# ---------------- adult haematology (13-24) ----------------
write("r24-13_cml-nilotinib-mr45-tfr-molecular-relapse-restart.txt", 44, "female", [CML],
      [alt("ABL1", *ABL1_FUSION, "e13a2", "b2a2")],
      ["nilotinib"],
      ["atorvastatin", "paracetamol"],
      [resp("nilotinib", "CR", "PR")],
      [ae(BILI, 2, "nilotinib"), ae(["pruritus"], 1, "nilotinib"),
       ae(["hypercholesterolemia", "hypercholesterolaemia"], 2, "nilotinib"), ae(ARTHRALGIA, 2, "nilotinib")],
      [])

write("r24-14_cml-dasatinib-eln-failure-t315i-asciminib.txt", 58, "male", [CML],
      [alt("ABL1", *ABL1_FUSION, "e14a2", "b3a2"), T315I,
       alt("ASXL1", "G646Wfs*12", "p.G646Wfs*12", "p.Gly646Trpfs*12", "c.1934dup", "frameshift")],
      ["dasatinib", "asciminib"],
      ["amlodipine"],
      [resp("asciminib", "PR")],
      [ae(PLEURAL, 3, "dasatinib"), ae(LIPASE, 3, "asciminib"), ae(HTN, 2, "asciminib")],
      [res("ABL1", "dasatinib")])

write("r24-15_aml-npm1-flt3-itd-midostaurin-allohsct-sorafenib-d835y-gilteritinib.txt", 47, "female", [AML],
      [alt("NPM1", "W288Cfs*12", "p.W288Cfs*12", "p.Trp288Cysfs*12", "c.860_863dup", "type A", "frameshift"),
       alt("FLT3", "ITD", "internal tandem duplication", "FLT3-ITD"), DNMT3A,
       alt("FLT3", "D835Y", "c.2503G>T", "TKD mutation")],
      ["daunorubicin", "cytarabine", "midostaurin", "sorafenib", "gilteritinib"],
      ["fludarabine", "busulfan", "cyclophosphamide", "tacrolimus", "mycophenolate mofetil", "dexamethasone"],
      [resp("daunorubicin", "CR"), resp("cytarabine", "CR"), resp("midostaurin", "CR"),
       resp("gilteritinib", "CR", "PR")],
      [ae(FN, 3, "cytarabine"), ae(["nausea"], 2, "midostaurin"), ae(AKI, 2, "tacrolimus"),
       ae(["palmar-plantar erythrodysesthesia syndrome", "palmar-plantar erythrodysesthesia",
           "hand-foot skin reaction", "hand-foot syndrome"], 2, "sorafenib"),
       ae(ALT_UP, 2, "gilteritinib"), ae(DS, 2, "gilteritinib")],
      [res("FLT3", "sorafenib")])

write("r24-16_aml-germline-cebpa-7plus3-hidac-relapse-flag-ida-allohsct.txt", 34, "male", [AML],
      [alt("CEBPA", "H24Afs*84", "p.H24Afs*84", "p.His24Alafs*84", "c.68dup", "frameshift", "germline"),
       alt("CEBPA", "K313dup", "p.K313dup", "p.Lys313dup", "c.939_941dup", "bZIP in-frame duplication"),
       alt("GATA2", "R362Q", "c.1085G>A"),
       alt("CEBPA", "N321D", "c.961A>G")],
      ["daunorubicin", "cytarabine", "fludarabine", "idarubicin"],
      ["filgrastim", "voriconazole", "treosulfan", "ciclosporin", "cyclosporine", "methotrexate", "flag-ida"],
      [resp("daunorubicin", "CR"), resp("cytarabine", "CR"), resp("fludarabine", "CR"), resp("idarubicin", "CR")],
      [ae(FN, 3, "daunorubicin"), ae(["ataxia", "cerebellar toxicity"], 2, "cytarabine"),
       ae(["lung infection", "invasive aspergillosis", "pneumonia"], 3, "idarubicin"),
       ae(["photosensitivity"], 1, "voriconazole")],
      [])

write("r24-17_mds-ib2-germline-runx1-azacitidine-venetoclax-allohsct.txt", 41, "female",
      [dx("MDS", "myelodysplastic syndrome", "myelodysplastic neoplasm", "mds with increased blasts-2",
          "mds-ib2", "myelodysplastic syndromes")],
      [alt("RUNX1", "R201Q", "c.602G>A", "germline"), alt("BCOR", "frameshift", "c.3314del")],
      ["azacitidine", "venetoclax"],
      ["fludarabine", "melphalan", "cyclophosphamide", "tacrolimus", "mycophenolate mofetil"],
      [resp("azacitidine", "CR"), resp("venetoclax", "CR")],
      [ae(NEUTROPENIA, 4, "venetoclax"), ae(["injection site reaction"], 1, "azacitidine"),
       ae(["cystitis noninfective", "haemorrhagic cystitis", "hemorrhagic cystitis"], 3, "cyclophosphamide"),
       ae(HYPOMG, 2, "tacrolimus")],
      [])

write("r24-18_cll-zanubrutinib-btk-c481s-plcg2-venetoclax-rituximab-umrd.txt", 71, "male",
      [dx("CLLSLL", "chronic lymphocytic leukaemia", "chronic lymphocytic leukemia", "cll")],
      [alt("BTK", "C481S", "c.1442G>C"), alt("PLCG2", "R665W", "c.1993C>T")],
      ["zanubrutinib", "venetoclax", "rituximab"],
      ["allopurinol", "febuxostat", "rasburicase", "filgrastim"],
      [resp("zanubrutinib", "PR"), resp("venetoclax", "CR"), resp("rituximab", "CR")],
      [ae(["contusion", "bruising"], 1, "zanubrutinib"), ae(HTN, 2, "zanubrutinib"), ae(MPRASH, 2, "allopurinol"),
       ae(["tumor lysis syndrome", "tumour lysis syndrome"], 3, "venetoclax"), ae(IRR, 2, "rituximab"),
       ae(NEUTROPENIA, 3, "venetoclax")],
      [res("BTK", "zanubrutinib"), res("PLCG2", "zanubrutinib")])

write("r24-19_dlbcl-rchop-refractory-axicabtagene-crs-icans-cd19-retained-glofitamab.txt", 56, "female",
      [dx("DLBCLNOS", "diffuse large b-cell lymphoma", "dlbcl", "large b-cell lymphoma",
          "diffuse large b-cell lymphoma, germinal-centre type")],
      [alt("EZH2", "Y646N", "c.1936T>A"), alt("CREBBP", "frameshift", "c.4336del")],
      ["rituximab", "cyclophosphamide", "doxorubicin", "vincristine", "prednisone", "axicabtagene ciloleucel",
       "glofitamab"],
      ["r-chop", "pegfilgrastim", "fludarabine", "tocilizumab", "dexamethasone", "obinutuzumab", "paracetamol"],
      [resp("rituximab", "PD"), resp("cyclophosphamide", "PD"), resp("doxorubicin", "PD"), resp("vincristine", "PD"),
       resp("prednisone", "PD"), resp("axicabtagene ciloleucel", "CR"), resp("glofitamab", "CR")],
      [ae(PSN, 2, "vincristine"), ae(FN, 3, "doxorubicin"), ae(CRS, 2, "axicabtagene ciloleucel"),
       ae(ICANS, 3, "axicabtagene ciloleucel"), ae(NEUTROPENIA, 3, "glofitamab"),
       ae(["hypophosphatemia", "hypophosphataemia"], 2, "glofitamab")],
      [])

write("r24-20_myeloma-vrd-asct-dpd-teclistamab-tnfrsf17-loss-talquetamab.txt", 63, "male",
      [dx("PCM", "multiple myeloma", "plasma cell myeloma", "myeloma", "igg kappa multiple myeloma")],
      [alt("TNFRSF17", "homozygous deletion", "deletion", "biallelic loss", "loss", "deep deletion")],
      ["bortezomib", "lenalidomide", "dexamethasone", "daratumumab", "pomalidomide", "teclistamab", "talquetamab"],
      ["melphalan", "immunoglobulin", "immunoglobulin replacement", "vrd"],
      [resp("bortezomib", "PR"), resp("lenalidomide", "PR"), resp("dexamethasone", "PR"),
       resp("daratumumab", "PR"), resp("pomalidomide", "PR"), resp("teclistamab", "CR"),
       resp("talquetamab", "PR")],
      [ae(PSN, 2, "bortezomib"), ae(NEUTROPENIA, 3, "lenalidomide"), ae(IRR, 2, "daratumumab"),
       ae(CRS, 1, "teclistamab"), ae(["pneumonia", "lung infection"], 3, "teclistamab"),
       ae(["dysgeusia", "taste alteration"], 2, "talquetamab"), ae(["weight loss"], 2, "talquetamab"),
       ae(["nail changes", "nail discoloration", "nail ridging", "nail disorder"], 1, "talquetamab")],
      [res("TNFRSF17", "teclistamab")])

write("r24-21_ph-positive-all-dasatinib-blinatumomab-t315i-molecular-relapse-ponatinib.txt", 52, "female", [BLL],
      [alt("ABL1", *ABL1_FUSION, "e1a2", "p190"), IKZF1_DEL, T315I],
      ["dasatinib", "prednisone", "blinatumomab", "ponatinib"],
      ["gliclazide", "dexamethasone", "fludarabine", "busulfan", "ciclosporin", "cyclosporine", "methotrexate"],
      [resp("dasatinib", "CR"), resp("prednisone", "CR"), resp("blinatumomab", "CR"), resp("ponatinib", "CR")],
      [ae(HYPERGLY, 2, "prednisone"), ae(PLEURAL, 2, "dasatinib"), ae(ICANS, 3, "blinatumomab"),
       ae(HTN, 3, "ponatinib")],
      [res("ABL1", "dasatinib")])

write("r24-22_hairy-cell-leukaemia-braf-v600e-cladribine-relapse-vemurafenib-rituximab.txt", 61, "male",
      [dx("HCL", "hairy cell leukaemia", "hairy cell leukemia", "hcl")],
      [BRAF_V600E],
      ["cladribine", "rituximab", "vemurafenib"],
      [],
      [resp("cladribine", "CR"), resp("rituximab", "CR"), resp("vemurafenib", "CR")],
      [ae(FN, 3, "cladribine"), ae(IRR, 2, "rituximab"), ae(ARTHRALGIA, 2, "vemurafenib"),
       ae(ALT_UP, 2, "vemurafenib"), ae(["photosensitivity"], 1, "vemurafenib")],
      [])

write("r24-23_aml-idh1-ivosidenib-azacitidine-idh2-isoform-switch-enasidenib.txt", 76, "male", [AML],
      [alt("IDH1", "R132C", "c.394C>T"), DNMT3A, alt("SRSF2", "P95H", "c.284C>A"),
       alt("IDH2", "R140Q", "c.419G>A")],
      ["ivosidenib", "azacitidine", "enasidenib"],
      ["dexamethasone", "furosemide", "posaconazole"],
      [resp("ivosidenib", "CR"), resp("azacitidine", "CR"), resp("enasidenib", "CR", "PR")],
      [ae(DS, 2, "ivosidenib"), ae(QTC, 2, "ivosidenib"), ae(["constipation"], 2, "azacitidine"),
       ae(BILI, 2, "enasidenib")],
      [res("IDH2", "ivosidenib")])

write("r24-24_aml-kmt2a-mllt3-allohsct-relapse-revumenib-men1-m327i-ven-aza.txt", 38, "female",
      [dx("AML", "acute myeloid leukaemia", "acute myeloid leukemia", "aml",
          "acute myeloid leukaemia with kmt2a rearrangement", "acute monocytic leukaemia")],
      [alt("KMT2A", "fusion", "KMT2A::MLLT3", "KMT2A-MLLT3", "rearrangement", "t(9;11)"),
       alt("NRAS", "G12D", "c.35G>A"), alt("MEN1", "M327I", "c.981G>A")],
      ["daunorubicin", "cytarabine", "revumenib", "venetoclax", "azacitidine"],
      ["busulfan", "fludarabine", "ciclosporin", "cyclosporine", "methotrexate", "posaconazole", "isavuconazole",
       "dexamethasone", "hydroxyurea"],
      [resp("daunorubicin", "CR"), resp("cytarabine", "CR"), resp("revumenib", "CR", "PR"),
       resp("venetoclax", "PR"), resp("azacitidine", "PR")],
      [ae(FN, 3, "cytarabine"), ae(AKI, 2, "ciclosporin"), ae(DS, 2, "revumenib"), ae(QTC, 3, "revumenib"),
       ae(NEUTROPENIA, 4, "venetoclax")],
      [res("MEN1", "revumenib")])
