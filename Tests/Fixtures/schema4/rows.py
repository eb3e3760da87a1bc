# Deterministic rows for make.sh: CSV with `n` unsur, dates over 2025, blanks, two units.
import random, sys
n = int(sys.argv[1])
random.seed(n)
services = [("KEC", "KTP"), ("KEC", "SKET"), ("KEC", "LEGAL"), ("PKM", "UMUM"), ("PKM", "GIGI")]
print("date,unit,service," + ",".join("U%d" % (i + 1) for i in range(n)) + ",gender,age")
for i in range(300 if n == 9 else 120):
    unit, service = random.choice(services)
    day = "2025-%02d-%02d" % (random.randint(1, 12), random.randint(1, 28))
    answers = ["" if random.random() < 0.05 else str(random.choice([1, 2, 3, 3, 4, 4, 4])) for _ in range(n)]
    if all(a == "" for a in answers):
        answers[0] = "3"
    print(",".join([day, unit, service] + answers + [random.choice(["L", "P"]), str(random.randint(18, 70))]))
