"""The pure core of CPB Monitor: no Django import anywhere below this package."""
