# Fixed, exponent, general and percent formats.
x = 3.14159265
print(f"{x:.2f} {x:8.3f} {x:e} {x:.3e} {x:g}")
print(f"{0.25:.0%} {0.125:.1%} {1234.5:,.2f} {1e-7:g} {123456789.0:g}")
print(f"{2.5:.0f} {3.5:.0f} {-0.0:.1f}")

# expect: 3.14    3.142 3.141593e+00 3.142e+00 3.14159
# expect: 25% 12.5% 1,234.50 1e-07 1.23457e+08
# expect: 2 4 -0.0
