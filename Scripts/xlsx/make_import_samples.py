#!/usr/bin/env python3
"""Writes the workbooks the xlsx import tests read, with openpyxl (a real writer, as offices'
files come from Excel, LibreOffice or Google Sheets):

  real.xlsx     an office's sheet: merged title rows, a "No" column, an Excel date, a dd/mm/yyyy
                text date, answers as numbers, as numbers stored as text and as option texts,
                empty trailing rows
  gforms.xlsx   a Google Forms response sheet: Timestamp (date-time), the questions' texts as
                headers, option texts as answers, identity columns
  gforms-text.xlsx  the same with the Timestamp as text, as Google Forms' CSV download and Sheets
                in several locales write it (year first with AM/PM and zone, day first 24-hour,
                month first with PM where the day is above 12)
  gforms-ambiguous.xlsx  a text Timestamp whose day and month could be either way round (AM/PM)
  mac1904.xlsx  a workbook in the 1904 date system
  sheets.xlsx   an instructions sheet first, the data on the sheet "Data SKM"

Usage: make_import_samples.py FOLDER QUESTIONNAIRE.json
"""
import datetime
import json
import sys

import openpyxl
from openpyxl.utils.datetime import CALENDAR_MAC_1904

folder, questionnaire_path = sys.argv[1], sys.argv[2]
questionnaire = json.load(open(questionnaire_path, encoding="utf-8"))
questions = questionnaire["questions"]


def option(question_number, value):
    return next(q for q in questions if q["number"] == question_number)["options"][value - 1]


# An office's sheet.
wb = openpyxl.Workbook()
ws = wb.active
ws.title = "Rekap SKM"
ws["A1"] = "DATA SURVEI KEPUASAN MASYARAKAT"
ws.merge_cells("A1:N1")
ws["A2"] = "KECAMATAN UJI — TAHUN 2024"
ws.merge_cells("A2:N2")
ws.append([])
ws.append(["No.", "Tanggal", "Unit", "Jenis Layanan", "Jenis Kelamin", "U1", "U2", "U3", "U4", "U5", "U6", "U7", "U8", "U9"])
ws.append([1, datetime.date(2024, 3, 15), "KEC", "KTP", "L", 4, 3, 3, 4, 4, 4, 3, 4, 3])
ws["B5"].number_format = "dd/mm/yyyy"
# Option texts: question 8 asks about sarana (U9), question 9 about pengaduan (U8).
ws.append([2, "16/03/2024", "KEC", "SKET", "P", option(1, 4).upper(), "  " + option(2, 3), "3", option(4, 4), 2, 4, 4,
           option(9, 4), option(8, 3)])
ws.append([None, None, None, None, None])
ws.append([])
wb.save(f"{folder}/real.xlsx")

# A Google Forms response sheet.
wb = openpyxl.Workbook()
ws = wb.active
ws.title = "Form Responses 1"
ws.append(["Timestamp", "Nama", "Unit Layanan", "Jenis Layanan"] + [q["text"] for q in questions])
answers = [[4, 4, 3, 4, 3, 4, 4, 3, 4], [1, 2, 3, 4, 1, 2, 3, 4, 1]]
for i, values in enumerate(answers):
    ws.append([datetime.datetime(2024, 5, 2 + i, 9, 30, 5), "Budi", "KEC", "KTP"]
              + [option(q["number"], v) for q, v in zip(questions, values)])
    ws.cell(row=2 + i, column=1).number_format = "m/d/yyyy h:mm:ss"
wb.save(f"{folder}/gforms.xlsx")

# Google Forms timestamps as text (a CSV pasted into a sheet, or Sheets' text export).
for name, stamps in (("gforms-text", ["2025/03/14 9:05:12 AM GMT+7", "14/03/2025 09:05:12", "3/15/2025 9:05:12 PM"]),
                     ("gforms-ambiguous", ["2025/03/14 9:05:12 AM GMT+7", "3/4/2025 9:05:12 AM"])):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Timestamp", "Unit Layanan", "Jenis Layanan"] + [f"U{i}" for i in range(1, 10)])
    for stamp in stamps:
        ws.append([stamp, "KEC", "KTP"] + [4] * 9)
    wb.save(f"{folder}/{name}.xlsx")

# The 1904 date system.
wb = openpyxl.Workbook()
wb.epoch = CALENDAR_MAC_1904
ws = wb.active
ws.append(["Tanggal", "Unit", "Layanan"] + [f"U{i}" for i in range(1, 10)])
ws.append([datetime.date(2024, 3, 15), "KEC", "KTP"] + [4] * 9)
ws["A2"].number_format = "yyyy-mm-dd"
wb.save(f"{folder}/mac1904.xlsx")

# Instructions first, data on a named sheet.
wb = openpyxl.Workbook()
ws = wb.active
ws.title = "Petunjuk"
ws.append(["Isi lembar Data SKM, satu baris per responden."])
ws = wb.create_sheet("Data SKM")
ws.append(["tanggal", "unit", "layanan"] + [f"u{i}" for i in range(1, 10)])
ws.append(["2024-04-01", "KEC", "KTP"] + [3] * 9)
wb.save(f"{folder}/sheets.xlsx")
print("ok")
